// Node ESM cannot load tfjs-core's ES build (extensionless imports); retry those specifiers with '.js'.
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (err) {
    const fixable = err?.code === 'ERR_UNSUPPORTED_DIR_IMPORT' || err?.code === 'ERR_MODULE_NOT_FOUND';
    if (!fixable || !context.parentURL?.includes('/node_modules/@tensorflow/') || specifier.endsWith('.js')) throw err;
    return next(`${specifier}.js`, context);
  }
}
