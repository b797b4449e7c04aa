// Bar charts drawn with ECharts from data attributes: <div data-chart='{"labels": [...], "values": [...]}'>.
// The same figures are always given in a table next to the chart.
(function () {
  'use strict';

  function draw(element) {
    if (!window.echarts || element.getAttribute('data-chart-drawn')) {
      return;
    }
    var data = JSON.parse(element.getAttribute('data-chart'));
    var chart = window.echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption({
      color: ['#1d3a5f'],
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: data.labels, inverse: true, axisLabel: { color: '#212529' } },
      series: [{ type: 'bar', data: data.values, label: { show: true, position: 'right', color: '#212529' } }],
      aria: { enabled: true }
    });
    element.setAttribute('data-chart-drawn', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function drawAll() {
    document.querySelectorAll('[data-chart]').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
})();
