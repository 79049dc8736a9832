// Draws every <canvas data-chart="{Chart.js config}"> on the page with Chart.js
// (window.Chart, loaded from /lib/chart.umd.min.js before this module runs).
for (const canvas of document.querySelectorAll('canvas[data-chart]')) {
  try {
    new window.Chart(canvas, JSON.parse(canvas.dataset.chart));
    canvas.dataset.drawn = 'true';
  } catch (error) {
    canvas.dataset.drawn = 'failed';
    console.error('chart', canvas.id, error);
  }
}
