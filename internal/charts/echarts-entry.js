// The chart library as the site serves it: echarts with only the parts the
// charts of internal/charts use (bars and lines on a grid, their tooltips,
// aria; the titles are in HTML), bundled by esbuild (npm run bundle, which
// make runs) into internal/charts/lib/echarts.min.js as the global echarts.
import { init, use, getInstanceByDom } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, AriaComponent, GridComponent, TooltipComponent, CanvasRenderer]);

export { init, getInstanceByDom };
