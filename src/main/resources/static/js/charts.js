// Charts drawn with ECharts from data attributes. The same figures are always given in a table next to the chart.
//   bars:  <div data-chart='{"labels": [...], "values": [...]}'>
//   lines: <div data-chart='{"kind": "lines", "labels": [...], "axes": ["left axis", "right axis"],
//                            "series": [{"name": "...", "values": [...], "axis": 0 or 1}, ...]}'>
//   grouped bars: <div data-chart='{"kind": "groupedBars", "labels": [...], "series": [{"name": "...", "values": [...]}, ...]}'>
(function () {
  'use strict';

  function draw(element) {
    if (!window.echarts || element.getAttribute('data-chart-drawn')) {
      return;
    }
    var data = JSON.parse(element.getAttribute('data-chart'));
    var chart = window.echarts.init(element, null, { renderer: 'canvas' });
    var option = data.kind === 'lines' ? lines(data) : data.kind === 'groupedBars' ? groupedBars(data) : bars(data);
    // ECharts writes its own (English) description into aria-label: keep the page's, which is translated.
    option.aria = { enabled: true, label: { description: element.getAttribute('aria-label') || '' } };
    chart.setOption(option);
    element.setAttribute('data-chart-drawn', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function lines(data) {
    return {
      color: ['#1d3a5f', '#b3501a', '#2c7a3f'],
      grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { color: '#212529' } },
      xAxis: { type: 'category', boundaryGap: false, data: data.labels, axisLabel: { color: '#212529' } },
      yAxis: data.axes.map(function (name, i) {
        return { type: 'value', name: name, minInterval: 1, position: i === 0 ? 'left' : 'right',
          nameTextStyle: { color: '#212529', align: i === 0 ? 'left' : 'right' }, axisLabel: { color: '#212529' },
          splitLine: { show: i === 0 } };
      }),
      series: data.series.map(function (s, i) {
        return { type: 'line', name: s.name, data: s.values, yAxisIndex: s.axis, symbol: ['circle', 'rect', 'triangle'][i % 3],
          showSymbol: data.labels.length <= 31, lineStyle: { width: 2, type: ['solid', 'dashed', 'solid'][i % 3] } };
      })
    };
  }

  function bars(data) {
    return {
      color: ['#1d3a5f'],
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: data.labels, inverse: true, axisLabel: { color: '#212529' } },
      series: [{ type: 'bar', data: data.values, label: { show: true, position: 'right', color: '#212529' } }]
    };
  }

  // Horizontal bars, one per series in each category (e.g. the period beside the previous one).
  function groupedBars(data) {
    return {
      color: ['#1d3a5f', '#b3501a', '#2c7a3f', '#6f42c1'],
      grid: { left: 8, right: 48, top: 40, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, textStyle: { color: '#212529' } },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#212529' } },
      yAxis: { type: 'category', data: data.labels, inverse: true, axisLabel: { color: '#212529', width: 160, overflow: 'truncate' } },
      series: data.series.map(function (s) {
        return { type: 'bar', name: s.name, data: s.values, barMaxWidth: 18,
          label: { show: true, position: 'right', color: '#212529' } };
      })
    };
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
