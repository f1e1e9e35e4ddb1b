// Unit tests run the host kernel's relaxed-SIMD build, as the lab and the CLI do.
import { enableRelaxedSimd } from './relaxed-simd';

enableRelaxedSimd();
