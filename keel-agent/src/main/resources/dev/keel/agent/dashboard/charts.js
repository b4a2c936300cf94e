// Draws every chart of a page with uPlot. The data comes from a <script type="application/json"> block the server
// wrote (named by the chart's data-chart attribute): no inline script, so the pages keep to default-src 'self'.
(function () {
  "use strict";
  var COLOURS = ["#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#bf3989"];

  function draw(box) {
    var source = document.getElementById(box.getAttribute("data-chart"));
    if (!source) {
      return;
    }
    var chart = JSON.parse(source.textContent);
    var unit = chart.unit || "";
    var series = [{}];
    chart.labels.forEach(function (label, i) {
      series.push({
        label: label,
        stroke: COLOURS[i % COLOURS.length],
        width: 2,
        spanGaps: true,
        value: function (u, v) { return v == null ? "-" : v.toFixed(1) + " " + unit; }
      });
    });
    var options = {
      width: Math.max(320, box.clientWidth),
      height: 320,
      series: series,
      axes: [{}, { label: unit, size: 70 }]
    };
    var plot = new uPlot(options, [chart.x].concat(chart.series), box);
    box.setAttribute("data-points", String(chart.x.length));
    window.addEventListener("resize", function () {
      plot.setSize({ width: Math.max(320, box.clientWidth), height: 320 });
    });
  }

  document.querySelectorAll("[data-chart]").forEach(draw);
})();
