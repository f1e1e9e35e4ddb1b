// plotly's core with only the trace types the lab draws (scatter is in core): a fraction of the full bundle.
import './globalShim';
import Plotly from 'plotly.js/lib/core';
import scattergl from 'plotly.js/lib/scattergl';
import histogram from 'plotly.js/lib/histogram';

Plotly.register([scattergl, histogram]);

export default Plotly;
