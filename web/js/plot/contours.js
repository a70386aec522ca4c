// Contour lines of a field sampled on an n×n grid, by marching squares.
//
//   contourSegments(v, n, level) -> [x0, y0, x1, y1, ...]
//     v      n*n values, row-major (v[row * n + column]); NaN and ±Infinity cross nothing
//     the segments where v crosses `level`, in grid units: x = column, y = row, both in [0, n − 1],
//     one segment per crossed cell (two in a saddle cell, which joins adjacent edges in the order
//     bottom, right, top, left). The caller scales them to its canvas.
const crosses = (u, w) => (u < 0) !== (w < 0) && Number.isFinite(u) && Number.isFinite(w);

export function contourSegments(v, n, level) {
  const out = [], xs = [0, 0, 0, 0], ys = [0, 0, 0, 0];
  for (let r = 0; r + 1 < n; r++) {
    for (let c = 0; c + 1 < n; c++) {
      const a = v[r * n + c] - level, b = v[r * n + c + 1] - level;
      const e = v[(r + 1) * n + c + 1] - level, d = v[(r + 1) * n + c] - level;
      let k = 0;
      if (crosses(a, b)) { xs[k] = c + a / (a - b); ys[k++] = r; }
      if (crosses(b, e)) { xs[k] = c + 1; ys[k++] = r + b / (b - e); }
      if (crosses(e, d)) { xs[k] = c + 1 - e / (e - d); ys[k++] = r + 1; }
      if (crosses(d, a)) { xs[k] = c; ys[k++] = r + 1 - d / (d - a); }
      for (let i = 0; i + 1 < k; i += 2) out.push(xs[i], ys[i], xs[i + 1], ys[i + 1]);
    }
  }
  return out;
}
