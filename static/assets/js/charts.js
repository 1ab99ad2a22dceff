// Draws the charts of a page. Each .chart-canvas has its echarts option, built
// at build time, as JSON in the <script type="application/json"> whose id is
// the canvas id + "option". The chart library, named by this script's
// data-library, is loaded only when a chart comes near the viewport, and each
// chart is drawn when it does. Without this script, without echarts, or when
// printing, the tables below the charts stay open.
(function () {
  'use strict';
  var me = document.currentScript;
  var canvases = document.querySelectorAll('.chart-canvas');
  if (!me || !canvases.length || !window.IntersectionObserver) return;
  var library = me.getAttribute('data-library');
  var en = document.documentElement.lang === 'en';
  var group = en ? ',' : '.';
  var point = en ? '.' : ',';

  // fmt writes a number as the site does: 1.234,5 in Vietnamese.
  function fmt(v) {
    if (Array.isArray(v)) v = v[v.length - 1];
    if (typeof v !== 'number' || !isFinite(v)) return v == null ? '' : String(v);
    var p = String(Math.abs(v)).split('.');
    return (v < 0 ? '-' : '') + p[0].replace(/\B(?=(\d{3})+$)/g, group) + (p[1] ? point + p[1] : '');
  }
  function label(p) { return fmt(p.value); }
  function list(x) { return x == null ? [] : Array.isArray(x) ? x : [x]; }

  var dark = window.matchMedia && matchMedia('(prefers-color-scheme: dark)').matches;
  var still = window.matchMedia && matchMedia('(prefers-reduced-motion: reduce)').matches;
  var font = getComputedStyle(document.body).fontFamily;

  function draw(el) {
    var option;
    try {
      option = JSON.parse(document.getElementById(el.id + 'option').textContent);
    } catch (e) {
      console.error('chart ' + el.id + ': ' + e);
      return;
    }
    var fig = el.parentNode;
    fig.querySelectorAll('.chart-head, .chart-legend').forEach(function (x) { x.hidden = false; });
    el.hidden = false;
    list(option.xAxis).concat(list(option.yAxis)).forEach(function (a) {
      if (a.type === 'value') a.axisLabel = Object.assign({}, a.axisLabel, { formatter: fmt });
    });
    // Names down the side wrap, so that a phone keeps room for the bars.
    list(option.yAxis).forEach(function (a) {
      if (a.type === 'category') a.axisLabel = Object.assign({}, a.axisLabel, { width: Math.max(96, Math.min(240, el.clientWidth * 0.36)), overflow: 'break' });
    });
    list(option.series).forEach(function (s) {
      if (s.label && s.label.show) s.label.formatter = label;
    });
    option.tooltip = Object.assign({}, option.tooltip, { valueFormatter: fmt, confine: true });
    option.textStyle = { fontFamily: font };
    if (still) option.animation = false;
    if (dark) option.backgroundColor = 'transparent';
    var chart = window.echarts.init(el, dark ? 'dark' : null, { renderer: 'canvas' });
    chart.on('finished', function () { el.setAttribute('data-drawn', ''); });
    chart.setOption(option);
    var table = fig.querySelector('details');
    if (table) table.open = false;
    if (window.ResizeObserver) new ResizeObserver(function () { chart.resize(); }).observe(el);
  }

  // need draws el, loading the library first if no chart has yet.
  var waiting = null;
  function need(el) {
    if (window.echarts) return draw(el);
    if (waiting) return waiting.push(el);
    waiting = [el];
    var s = document.createElement('script');
    s.src = library;
    s.onload = function () { waiting.forEach(draw); };
    document.head.appendChild(s);
  }
  var near = new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      if (!e.isIntersecting) return;
      near.unobserve(e.target);
      need(e.target.querySelector('.chart-canvas'));
    });
  }, { rootMargin: '300px 0px' });
  canvases.forEach(function (el) { near.observe(el.parentNode); });

  // A printed page has the numbers: the tables open for the print.
  var closed = [];
  addEventListener('beforeprint', function () {
    closed = [].filter.call(document.querySelectorAll('.chart details:not([open])'), function (d) { return (d.open = true); });
  });
  addEventListener('afterprint', function () {
    closed.forEach(function (d) { d.open = false; });
    closed = [];
  });
})();
