/* dyad dashboard: plain JavaScript over the JSON API of `dyad serve`.
 * Sections: util, api, state, stats, graph (layout, chart, test point), time range,
 * timeline, table, article, search, boot.
 * Every piece of data enters the DOM through textContent / createElement (never innerHTML);
 * ECharts tooltips are built as DOM elements for the same reason. */
'use strict';
(function () {
  // ---------------------------------------------------------------- util

  const $ = (id) => document.getElementById(id);

  /** createElement with properties (class, text, dataset, title, on…) and children. */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value == null || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children) {
      if (child == null || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  function debounce(fn, ms) {
    let timer = null;
    return (...args) => {
      clearTimeout(timer);
      timer = setTimeout(() => fn(...args), ms);
    };
  }

  const DAY = 86400000;
  const parseDay = (s) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10));
  const fmtDay = (t) => new Date(t).toISOString().slice(0, 10);
  const mondayOf = (t) => t - ((new Date(t).getUTCDay() + 6) % 7) * DAY;
  const monthOf = (t) => { const d = new Date(t); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1); };
  const nextMonth = (t) => { const d = new Date(t); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1); };

  const QUADS = { 1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict' };
  const QUAD_COLORS = { 1: '#92c5de', 2: '#2166ac', 3: '#f4a582', 4: '#b2182b' };
  const TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
    'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];

  const plural = (n, one, many = one + 's') => `${n} ${n === 1 ? one : many}`;
  const fmtScore = (s) => (s == null ? '—' : (s > 0 ? '+' : '') + Number(s).toFixed(1));

  /** "A → B" or "A ↔ B" for symmetric events. */
  function sidesText(ev) {
    const actors = (ev.actors || []).join(', ') || '?';
    if (ev.symmetric) return (ev.actors || []).join(' ↔ ') || '?';
    return actors + ' → ' + ((ev.recipients || []).join(', ') || '?');
  }

  /** Where `phrase` sits in `sentence`: exact, then case-insensitive, then with any whitespace. */
  function findPhrase(sentence, phrase) {
    if (!sentence || !phrase) return null;
    let at = sentence.indexOf(phrase);
    if (at >= 0) return [at, at + phrase.length];
    const lower = sentence.toLowerCase();
    if (lower.length === sentence.length) {
      at = lower.indexOf(phrase.toLowerCase());
      if (at >= 0) return [at, at + phrase.length];
    }
    const words = phrase.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const match = new RegExp(words.join('\\s+'), 'iu').exec(sentence);
    return match ? [match.index, match.index + match[0].length] : null;
  }

  // ---------------------------------------------------------------- api

  /** GET a JSON answer; throws Error(message) with the server's {error} text on 4xx/5xx. */
  async function api(path, params) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params || {})) {
      if (value !== null && value !== undefined && value !== '') query.set(key, value);
    }
    const url = path + (query.toString() ? '?' + query : '');
    let response;
    try {
      response = await fetch(url, { headers: { Accept: 'application/json' } });
    } catch (err) {
      throw new Error(`${path}: the server did not answer (${err.message})`);
    }
    const text = await response.text();
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch (_) { body = null; }
    if (!response.ok) {
      const why = body && body.error ? body.error : `HTTP ${response.status}`;
      throw new Error(`${path}: ${why}`);
    }
    if (body === null) throw new Error(`${path}: the answer is not JSON`);
    return body;
  }

  /** Show an API or rendering error to the user (the latest one wins). */
  function showError(message) {
    $('error-text').textContent = message;
    $('error').hidden = false;
  }

  // ---------------------------------------------------------------- state

  const state = {
    stats: null,
    from: null, // time range, YYYY-MM-DD; null = unbounded
    to: null,
    type: '',
    quad: '',
    lang: '',
    text: '',
    sel: null, // {actor: 'RUS'} or {dyad: ['RUS', 'SYR']}
    offset: 0,
    limit: 25,
    doc: null, // id of the open article
  };

  /** Filters shared by graph, table and timeline. */
  function filterParams() {
    return { type: state.type, quad: state.quad, lang: state.lang, text: state.text, from: state.from, to: state.to };
  }

  function selectionParams() {
    if (state.sel && state.sel.dyad) return { dyad: state.sel.dyad.join(',') };
    if (state.sel && state.sel.actor) return { actor: state.sel.actor };
    return {};
  }

  function setSelection(sel) {
    state.sel = sel;
    state.offset = 0;
    renderSelection();
    renderGraph();
    loadTable();
    loadTimeline();
  }

  function filtersChanged() {
    state.offset = 0;
    loadGraph();
    loadTable();
    loadTimeline();
  }

  /** The chip in the toolbar: what is selected, with a clear button. */
  function renderSelection() {
    const chip = $('selection');
    delete chip.dataset.actor;
    delete chip.dataset.dyad;
    if (!state.sel) {
      chip.hidden = true;
      $('f-actor').value = '';
      return;
    }
    chip.hidden = false;
    if (state.sel.dyad) {
      chip.dataset.dyad = state.sel.dyad.join(',');
      $('selection-text').textContent = state.sel.dyad.join(' ↔ ');
      $('f-actor').value = '';
    } else {
      chip.dataset.actor = state.sel.actor;
      $('selection-text').textContent = state.sel.actor;
      $('f-actor').value = state.sel.actor;
    }
  }

  // ---------------------------------------------------------------- stats

  async function loadStats() {
    const stats = await api('/api/stats');
    state.stats = stats;
    const parts = [
      `${stats.documents} documents`,
      `${stats.events} events`,
      `${stats.mentions} mentions`,
      `${stats.stories} stories`,
    ];
    if (stats.duplicates) parts.push(`${stats.duplicates} duplicates`);
    if (stats.first_date) parts.push(stats.first_date === stats.last_date ? stats.first_date : `${stats.first_date} – ${stats.last_date}`);
    const langs = Object.entries(stats.languages || {}).map(([lang, n]) => `${lang} ${n}`).join(', ');
    if (langs) parts.push(langs);
    $('stats').textContent = parts.join(' · ');

    const select = $('f-type');
    for (const type of TYPES) {
      const n = (stats.types || {})[type];
      select.append(el('option', { value: type, text: n ? `${type} (${n})` : type }));
    }
    return stats;
  }

  // ---------------------------------------------------------------- graph

  const MAX_NODES = 60;
  let graphChart = null;
  let graph = null; // {nodes, edges, frame, pos: Map code -> [x, y] px, size/font/reach: Map code -> px, drawn: edges in drawing order}
  let graphSeq = 0;

  /** Deterministic pseudo-random numbers (xorshift32). */
  function seeded(seed) {
    let s = seed >>> 0 || 1;
    return () => {
      s ^= s << 13; s >>>= 0;
      s ^= s >>> 17;
      s ^= s << 5; s >>>= 0;
      return s / 4294967296;
    };
  }

  const GRAPH_PAD = 10; // px between the laid-out frame and the chart's border
  const LINK_GAP = 20; // px of an edge left clear between its two nodes' symbols and labels (wide)
  const NODE_GAP = 4; // px between two nodes that share no edge
  const EDGE_GAP = 8; // px between a node and an edge it is not part of

  /**
   * Sizes and positions of the graph's nodes for the chart box `box`, in px of a frame that the
   * chart draws 1:1 (two invisible anchor nodes are its corners). The layout knows how large each
   * node is drawn, so no symbol covers another and each edge keeps a stretch clear of both its
   * nodes: without that, a heavy edge (which joins two big nodes, often pulled together) was drawn
   * entirely under them and could be neither seen nor clicked.
   */
  function fitGraph(box) {
    const shrink = Math.max(0.6, Math.min(1, box.clientWidth / 640)); // smaller symbols on phones
    const frame = {
      w: Math.max(160, box.clientWidth - 2 * GRAPH_PAD),
      h: Math.max(160, box.clientHeight - 2 * GRAPH_PAD),
      shrink,
    };
    const maxNode = Math.max(1, ...graph.nodes.map((n) => n.events));
    graph.size = new Map();
    graph.font = new Map();
    graph.reach = new Map();
    for (const n of graph.nodes) {
      const size = Math.round((24 + 26 * Math.sqrt(n.events / maxNode)) * shrink);
      const font = n.id.length > 4 || shrink < 0.8 ? 8 : 10;
      graph.size.set(n.id, size);
      graph.font.set(n.id, font);
      // Half the width the node covers: its symbol, or its bold code where that is wider.
      graph.reach.set(n.id, Math.max(size / 2, n.id.length * font * 0.35 + 2));
    }
    graph.frame = frame;
    graph.pos = layoutGraph(graph.nodes.map((n) => n.id), graph.nodes.map((n) => graph.reach.get(n.id)), graph.edges, frame);
    box.dataset.layout = `${frame.w}x${frame.h}`; // tells a test which box size the layout is for
  }

  /**
   * Fruchterman–Reingold in the px frame {w, h} centred on 0, each node `reach[i]` px wide from its
   * centre: nodes start on an ellipse ordered by code with seeded jitter, linear cooling, elliptic
   * gravity, and hubs repel each other more (as in ForceAtlas2) so the edges among them keep some
   * length. Then what the forces left overlapping is pushed apart: nodes at least their reaches +
   * NODE_GAP apart, linked ones + LINK_GAP, and no node across an edge it is not part of.
   */
  function layoutGraph(codes, reach, edges, frame, iterations = 300) {
    const n = codes.length;
    const index = new Map(codes.map((c, i) => [c, i]));
    const hw = frame.w / 2;
    const hh = frame.h / 2;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    const rand = seeded(0x9e3779b9 ^ n);
    for (let i = 0; i < n; i++) {
      const angle = (2 * Math.PI * i) / n;
      x[i] = Math.cos(angle) * hw * 0.6 + (rand() - 0.5) * 4;
      y[i] = Math.sin(angle) * hh * 0.6 + (rand() - 0.5) * 4;
    }
    const links = edges
      .map((e) => [index.get(e.source), index.get(e.target)])
      .filter(([a, b]) => a !== undefined && b !== undefined && a !== b);
    const linked = new Set(links.map(([a, b]) => Math.min(a, b) * n + Math.max(a, b)));
    const linkGap = LINK_GAP * Math.max(0.75, frame.shrink);
    const need = (i, j) => reach[i] + reach[j] + (linked.has(Math.min(i, j) * n + Math.max(i, j)) ? linkGap : NODE_GAP);
    const inFrame = (i) => {
      const mx = Math.max(0, hw - reach[i]);
      const my = Math.max(0, hh - reach[i]);
      x[i] = Math.max(-mx, Math.min(mx, x[i]));
      y[i] = Math.max(-my, Math.min(my, y[i]));
    };
    const k = 0.75 * Math.sqrt((frame.w * frame.h) / Math.max(n, 1)); // ideal distance
    const degree = new Float64Array(n);
    for (const [a, b] of links) { degree[a]++; degree[b]++; }
    const mass = Array.from(degree, (d) => Math.sqrt(d + 1));
    const meanMass = mass.reduce((s, m) => s + m, 0) / Math.max(n, 1) || 1;
    for (let i = 0; i < n; i++) mass[i] /= meanMass;
    const gravity = 2.5;
    const dx = new Float64Array(n);
    const dy = new Float64Array(n);
    // Where node i lies against the edge a–b: u, the share of the way from a
    // to b of its nearest point (held to the edge when clamp is set), and
    // (px, py), the node's offset from that point, of length d.
    const againstEdge = (a, b, i, clamp) => {
      const vx = x[b] - x[a];
      const vy = y[b] - y[a];
      const len2 = vx * vx + vy * vy || 1e-9;
      let u = ((x[i] - x[a]) * vx + (y[i] - y[a]) * vy) / len2;
      if (clamp) u = Math.max(0, Math.min(1, u));
      const px = x[i] - (x[a] + u * vx);
      const py = y[i] - (y[a] + u * vy);
      return { u, px, py, d: Math.sqrt(px * px + py * py), vx, vy, len2 };
    };
    for (let it = 0; it < iterations; it++) {
      dx.fill(0);
      dy.fill(0);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const ddx = x[i] - x[j];
          const ddy = y[i] - y[j];
          const d = Math.sqrt(ddx * ddx + ddy * ddy) || 1e-6;
          const want = need(i, j);
          let f = (k * k * mass[i] * mass[j]) / d;
          if (d < want) f += (10 * k * (want - d)) / want; // overlapping symbols: push hard
          dx[i] += (ddx / d) * f; dy[i] += (ddy / d) * f;
          dx[j] -= (ddx / d) * f; dy[j] -= (ddy / d) * f;
        }
      }
      for (const [a, b] of links) {
        const ddx = x[a] - x[b];
        const ddy = y[a] - y[b];
        const d = Math.sqrt(ddx * ddx + ddy * ddy) || 1e-6;
        const f = (d * d) / k;
        dx[a] -= (ddx / d) * f; dy[a] -= (ddy / d) * f;
        dx[b] += (ddx / d) * f; dy[b] += (ddy / d) * f;
      }
      // A node lying on an edge it is not part of would read as a false link and take the edge's
      // clicks: push such a node off the edge and the edge's ends the other way.
      for (const [a, b] of links) {
        for (let i = 0; i < n; i++) {
          if (i === a || i === b) continue;
          const clear = reach[i] + 8;
          const { px, py, d: dist } = againstEdge(a, b, i, true);
          const d = dist || 1e-6;
          if (d >= clear) continue;
          const f = (k * (clear - d)) / clear;
          dx[i] += (px / d) * f; dy[i] += (py / d) * f;
          dx[a] -= (px / d) * f * 0.5; dy[a] -= (py / d) * f * 0.5;
          dx[b] -= (px / d) * f * 0.5; dy[b] -= (py / d) * f * 0.5;
        }
      }
      const temp = 0.1 * Math.min(frame.w, frame.h) * (1 - it / iterations) + 0.5;
      for (let i = 0; i < n; i++) {
        // Elliptic gravity, so that the layout takes the frame's shape.
        const u = x[i] / hw;
        const v = y[i] / hh;
        const d0 = Math.sqrt(u * u + v * v);
        dx[i] -= gravity * k * u * d0;
        dy[i] -= gravity * k * v * d0;
        const len = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) || 1e-9;
        const step = Math.min(len, temp);
        x[i] += (dx[i] / len) * step;
        y[i] += (dy[i] / len) * step;
        inFrame(i);
      }
    }
    // Push apart what still overlaps (the forces above only ask for it).
    for (let round = 0; round < 200; round++) {
      let worst = 0;
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const ddx = x[i] - x[j];
          const ddy = y[i] - y[j];
          const d = Math.sqrt(ddx * ddx + ddy * ddy);
          const short = need(i, j) - d;
          if (short <= 0) continue;
          worst = Math.max(worst, short);
          let ux = ddx / d;
          let uy = ddy / d;
          if (!(d > 1e-6)) { // on top of each other: part them in a seeded direction
            const angle = 2 * Math.PI * rand();
            ux = Math.cos(angle);
            uy = Math.sin(angle);
          }
          x[i] += (ux * short) / 2; y[i] += (uy * short) / 2;
          x[j] -= (ux * short) / 2; y[j] -= (uy * short) / 2;
          inFrame(i);
          inFrame(j);
        }
      }
      // A node still lying on an edge it is not part of is moved off it, sideways.
      for (const [a, b] of links) {
        for (let i = 0; i < n; i++) {
          if (i === a || i === b) continue;
          const { u, px, py, d, vx, vy, len2 } = againstEdge(a, b, i, false);
          if (u <= 0 || u >= 1) continue;
          const short = reach[i] + EDGE_GAP - d;
          if (short <= 0) continue;
          worst = Math.max(worst, short);
          const len = Math.sqrt(len2);
          const ux = d > 1e-6 ? px / d : -vy / len;
          const uy = d > 1e-6 ? py / d : vx / len;
          x[i] += ux * short * 0.6; y[i] += uy * short * 0.6;
          x[a] -= ux * short * 0.2; y[a] -= uy * short * 0.2;
          x[b] -= ux * short * 0.2; y[b] -= uy * short * 0.2;
          inFrame(i);
          inFrame(a);
          inFrame(b);
        }
      }
      if (worst < 0.5) break;
    }
    return new Map(codes.map((c, i) => [c, [x[i], y[i]]]));
  }

  /** Cooperation share in [-1, 1]: +1 all cooperation (q1+q2), -1 all conflict (q3+q4). */
  function coopBalance(edge) {
    const coop = (edge.q1 || 0) + (edge.q2 || 0);
    const conf = (edge.q3 || 0) + (edge.q4 || 0);
    if (coop + conf > 0) return (coop - conf) / (coop + conf);
    return Math.max(-1, Math.min(1, (edge.mean_score || 0) / 10));
  }

  /** Diverging colour: red (conflict) – grey – blue (cooperation). */
  function divergingColor(t) {
    const stops = [[-1, [178, 24, 43]], [-0.5, [224, 138, 115]], [0, [189, 189, 189]], [0.5, [106, 166, 208]], [1, [33, 102, 172]]];
    for (let i = 1; i < stops.length; i++) {
      const [t1, c1] = stops[i];
      const [t0, c0] = stops[i - 1];
      if (t <= t1) {
        const u = (t - t0) / (t1 - t0);
        const c = c0.map((v, j) => Math.round(v + (c1[j] - v) * u));
        return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
      }
    }
    return 'rgb(33, 102, 172)';
  }

  async function loadGraph() {
    const seq = ++graphSeq;
    const box = $('graph');
    box.dataset.state = 'loading';
    try {
      const data = await api('/api/graph', { ...filterParams(), directed: 'false' });
      if (seq !== graphSeq) return;
      let nodes = (data.nodes || []).slice().sort((a, b) => b.events - a.events || (a.id < b.id ? -1 : 1));
      const total = nodes.length;
      nodes = nodes.slice(0, MAX_NODES).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const shown = new Set(nodes.map((n) => n.id));
      const edges = (data.edges || []).filter((e) => shown.has(e.source) && shown.has(e.target) && e.source !== e.target);
      graph = { nodes, edges };
      fitGraph(box);
      $('graph-note').textContent = total === 0
        ? 'No events match these filters.'
        : total > nodes.length ? `Showing the ${nodes.length} most active of ${total} actors.` : '';
      renderGraph();
      box.dataset.state = 'ready';
      box.dataset.nodes = String(nodes.length);
      box.dataset.edges = String(edges.length);
    } catch (err) {
      if (seq !== graphSeq) return;
      box.dataset.state = 'error';
      $('graph-note').textContent = 'The graph could not be loaded.';
      showError(err.message);
    }
  }

  function tooltipBox(lines) {
    return el('div', { class: 'tip' }, ...lines.map((line, i) => el(i === 0 ? 'strong' : 'div', { text: line })));
  }

  function graphTooltip(params) {
    const d = params.data;
    if (params.dataType === 'edge') {
      return tooltipBox([
        `${d.source} ↔ ${d.target}`,
        `${plural(d.events, 'event')} · ${plural(d.stories, 'story', 'stories')}`,
        `cooperation ${d.coop} · conflict ${d.conf}`,
        `mean score ${fmtScore(d.mean_score)}`,
      ]);
    }
    if (d.anchor) return '';
    return tooltipBox([d.id, `${d.kind} · ${plural(d.events, 'event')}`]);
  }

  /**
   * Two invisible nodes at the corners of the layout's frame: ECharts fits the data's bounding box
   * to the chart, so with them the frame is drawn 1:1, as the layout measured it (else a thin or
   * small layout would be stretched and its nodes pushed into each other).
   */
  function anchorNodes() {
    const { w, h } = graph.frame;
    const hidden = { anchor: true, symbolSize: 0, label: { show: false }, itemStyle: { opacity: 0 } };
    return [
      { ...hidden, id: '\u0000a', name: '', x: -w / 2, y: -h / 2 },
      { ...hidden, id: '\u0000b', name: '', x: w / 2, y: h / 2 },
    ];
  }

  /** (Re)draw the graph with the current selection highlighted; positions never change here. */
  function renderGraph() {
    if (!graph) return;
    const box = $('graph');
    if (!graphChart) {
      graphChart = echarts.init(box, null, { renderer: 'canvas' });
      graphChart.on('click', (p) => {
        if (p.dataType === 'node' && p.data.anchor) return;
        if (p.dataType === 'node') setSelection({ actor: p.data.id });
        else if (p.dataType === 'edge') setSelection({ dyad: [p.data.source, p.data.target] });
      });
    }
    const selActor = state.sel && state.sel.actor;
    const selDyad = state.sel && state.sel.dyad;
    const maxEdge = Math.max(1, ...graph.edges.map((e) => e.events));
    const neighbours = new Set();
    if (selActor) {
      for (const e of graph.edges) {
        if (e.source === selActor) neighbours.add(e.target);
        if (e.target === selActor) neighbours.add(e.source);
      }
    }
    const nodes = graph.nodes.map((n) => {
      const [x, y] = graph.pos.get(n.id);
      const selected = n.id === selActor || (selDyad && selDyad.includes(n.id));
      const faded = selActor && !selected && !neighbours.has(n.id);
      return {
        id: n.id, name: n.id, kind: n.kind, events: n.events, x, y,
        symbolSize: graph.size.get(n.id),
        itemStyle: {
          color: n.kind === 'org' ? '#7a5195' : '#44546a',
          borderColor: selected ? '#ffb000' : '#ffffff',
          borderWidth: selected ? 4 : 1,
          opacity: faded ? 0.35 : 1,
        },
        label: { fontSize: graph.font.get(n.id) },
      };
    });
    // Heavier edges are drawn later, so on top where edges cross (the top one takes the click),
    // and the selected edge last of all.
    const rank = (e) => (selDyad && e.source === selDyad[0] && e.target === selDyad[1] ? 1 : 0);
    graph.drawn = graph.edges.slice().sort((x, y) => rank(x) - rank(y) || x.events - y.events
      || (x.source + ',' + x.target < y.source + ',' + y.target ? -1 : 1));
    const links = graph.drawn.map((e) => {
      const touches = selActor && (e.source === selActor || e.target === selActor);
      const isSel = selDyad && e.source === selDyad[0] && e.target === selDyad[1];
      const faded = (selActor && !touches) || (selDyad && !isSel);
      const width = 2 + 6 * Math.sqrt(e.events / maxEdge);
      return {
        source: e.source, target: e.target, events: e.events, stories: e.stories,
        mean_score: e.mean_score,
        coop: (e.q1 || 0) + (e.q2 || 0), conf: (e.q3 || 0) + (e.q4 || 0),
        lineStyle: {
          color: divergingColor(coopBalance(e)),
          width: isSel ? width + 3 : width,
          opacity: faded ? 0.25 : 0.9,
          shadowBlur: isSel ? 8 : 0,
          shadowColor: '#ffb000',
        },
      };
    });
    // Drop the drawn elements first: ECharts would reuse them for the new data in their old
    // order, and the edges must be stacked in the order of `graph.drawn` for clicks to take them.
    graphChart.clear();
    graphChart.setOption({
      animation: false,
      tooltip: { trigger: 'item', confine: true, formatter: graphTooltip },
      series: [{
        type: 'graph',
        layout: 'none',
        roam: false,
        left: GRAPH_PAD, right: GRAPH_PAD, top: GRAPH_PAD, bottom: GRAPH_PAD,
        data: nodes.concat(anchorNodes()),
        links,
        edgeSymbol: ['none', 'none'],
        lineStyle: { curveness: 0 },
        label: {
          show: true, position: 'inside', color: '#fff', fontWeight: 'bold', formatter: '{b}',
          textBorderColor: '#2d3748', textBorderWidth: 2, // readable where a code is wider than its node
        },
        emphasis: { scale: 1.1, label: { show: true } },
      }],
    }, { notMerge: true });
  }

  /**
   * Test hook: a viewport point on the edge a–b clear of every node, preferring one that no edge
   * drawn above it comes within 8 px of (`clear: true`: a click there is sure to take this edge),
   * nearest the middle; null when the nodes cover the whole edge.
   */
  function edgePoint(a, b) {
    if (!graphChart || !graph) return null;
    const edge = graph.edges.find((e) => (e.source === a && e.target === b) || (e.source === b && e.target === a));
    if (!edge) return null;
    const px = (code) => graphChart.convertToPixel({ seriesIndex: 0 }, graph.pos.get(code));
    const p0 = px(edge.source);
    const p1 = px(edge.target);
    const centres = graph.nodes.map((n) => [px(n.id), graph.reach.get(n.id) + 4]);
    const drawn = graph.drawn || graph.edges;
    const above = drawn.slice(drawn.indexOf(edge) + 1).map((e) => [px(e.source), px(e.target)]);
    const segDist = (p, [s, t]) => {
      const vx = t[0] - s[0], vy = t[1] - s[1];
      const len2 = vx * vx + vy * vy || 1e-9;
      const u = Math.max(0, Math.min(1, ((p[0] - s[0]) * vx + (p[1] - s[1]) * vy) / len2));
      return Math.hypot(p[0] - s[0] - u * vx, p[1] - s[1] - u * vy);
    };
    const steps = Math.max(2, Math.ceil(Math.hypot(p1[0] - p0[0], p1[1] - p0[1]) / 2)); // every 2 px
    const ts = [0.5];
    for (let i = 1; i < steps / 2; i++) ts.push(0.5 + i / steps, 0.5 - i / steps);
    const rect = $('graph').getBoundingClientRect();
    for (const strict of [true, false]) {
      for (const t of ts) {
        const p = [p0[0] + (p1[0] - p0[0]) * t, p0[1] + (p1[1] - p0[1]) * t];
        if (centres.some(([c, r]) => Math.hypot(p[0] - c[0], p[1] - c[1]) < r)) continue;
        if (strict && above.some((seg) => segDist(p, seg) < 8)) continue;
        return { x: rect.left + p[0], y: rect.top + p[1], clear: strict };
      }
    }
    return null;
  }

  /** Test hook: the viewport point of a node's centre, or null. */
  function nodePoint(code) {
    if (!graphChart || !graph || !graph.pos.has(code)) return null;
    const p = graphChart.convertToPixel({ seriesIndex: 0 }, graph.pos.get(code));
    const rect = $('graph').getBoundingClientRect();
    return { x: rect.left + p[0], y: rect.top + p[1] };
  }

  // ---------------------------------------------------------------- time range

  let rangeChart = null;
  let rangeBuckets = []; // bucket start times (UTC ms)
  let rangeUnit = 'week';

  const bucketOf = (t) => (rangeUnit === 'week' ? mondayOf(t) : monthOf(t));
  const bucketAfter = (t) => (rangeUnit === 'week' ? t + 7 * DAY : nextMonth(t));

  /** Events per bucket over the whole store, counted by the server (/api/timeline without a dyad). */
  async function loadVolume() {
    const data = await api('/api/timeline', { bucket: rangeUnit });
    const counts = new Map(data.series.map((p) => [parseDay(p.period), p.events]));
    return { counts, undated: data.undated };
  }

  async function loadRange(stats) {
    const note = $('range-note');
    if (!stats || !stats.first_date || !stats.last_date) {
      $('range').hidden = true;
      note.textContent = 'No dated events in the store.';
      return;
    }
    const first = parseDay(stats.first_date);
    const last = parseDay(stats.last_date);
    const weeks = (mondayOf(last) - mondayOf(first)) / (7 * DAY) + 1;
    rangeUnit = weeks <= 520 ? 'week' : 'month';
    rangeBuckets = [];
    for (let t = bucketOf(first); t <= last; t = bucketAfter(t)) rangeBuckets.push(t);
    const { counts, undated } = await loadVolume();
    const labels = rangeBuckets.map(fmtDay);
    const values = rangeBuckets.map((t) => counts.get(t) || 0);
    const undatedNote = undated ? `; ${plural(undated, 'undated event')} ${undated === 1 ? 'is' : 'are'} always shown unless a range is set.` : '.';
    $('range').dataset.buckets = String(rangeBuckets.length);
    if (rangeBuckets.length < 2) {
      // Nothing to choose between: say where the dated events are instead of drawing a slider.
      $('range').hidden = true;
      const dated = values.reduce((x, y) => x + y, 0);
      const lead = dated === 1 ? 'The only dated event falls' : `All ${dated} dated events fall`;
      note.textContent = `${lead} in the ${rangeUnit} of ${labels[0]}` + undatedNote;
      renderRangeText();
      return;
    }
    note.textContent = `Events per ${rangeUnit}` + undatedNote;
    rangeChart = echarts.init($('range'));
    rangeChart.setOption({
      animation: false,
      grid: { left: 30, right: 12, top: 8, bottom: 44 },
      tooltip: {
        trigger: 'axis',
        confine: true,
        formatter: (ps) => tooltipBox([`${rangeUnit} of ${ps[0].name}`, `${plural(ps[0].value, 'event')}`]),
      },
      xAxis: { type: 'category', data: labels, axisLabel: { fontSize: 10 }, axisTick: { show: false } },
      yAxis: { type: 'value', minInterval: 1, splitNumber: 2, axisLabel: { fontSize: 10 } },
      dataZoom: [{
        type: 'slider', xAxisIndex: 0, startValue: 0, endValue: labels.length - 1,
        left: 30, right: 12, height: 20, bottom: 4, brushSelect: false, showDetail: false, // dates shown in the panel head
      }],
      series: [{ type: 'bar', data: values, itemStyle: { color: '#6b7a90' }, barMaxWidth: 14 }],
    });
    rangeChart.on('datazoom', debounce(applyRange, 350));
    renderRangeText();
  }

  /** Read the slider's window and turn it into from/to for every panel. */
  function applyRange() {
    const zoom = rangeChart.getOption().dataZoom[0];
    const n = rangeBuckets.length;
    const si = Math.max(0, Math.min(n - 1, Math.round(zoom.startValue)));
    const ei = Math.max(si, Math.min(n - 1, Math.round(zoom.endValue)));
    const whole = si === 0 && ei === n - 1;
    const from = whole ? null : fmtDay(rangeBuckets[si]);
    const to = whole ? null : fmtDay(bucketAfter(rangeBuckets[ei]) - DAY);
    if (from === state.from && to === state.to) return;
    state.from = from;
    state.to = to;
    renderRangeText();
    filtersChanged();
  }

  function renderRangeText() {
    const text = $('range-text');
    const ranged = state.from || state.to;
    text.textContent = ranged ? `${state.from} – ${state.to}` : 'all dates';
    text.dataset.from = state.from || '';
    text.dataset.to = state.to || '';
    $('range-reset').hidden = !ranged;
  }

  // ---------------------------------------------------------------- timeline

  let timelineChart = null;
  let timelineSeq = 0;

  function timelineHint(message) {
    const box = $('timeline');
    box.dataset.state = 'empty';
    delete box.dataset.dyad;
    if (timelineChart) timelineChart.clear();
    $('timeline-note').textContent = '';
    $('timeline-hint').hidden = false;
    $('timeline-hint').textContent = message;
  }

  async function loadTimeline() {
    const seq = ++timelineSeq;
    const box = $('timeline');
    if (!state.sel || !state.sel.dyad) {
      timelineHint(state.sel && state.sel.actor
        ? `${state.sel.actor} is selected: click one of its lines in the graph to see a pair's timeline.`
        : 'Click a line between two actors in the graph to see their timeline.');
      return;
    }
    const dyad = state.sel.dyad.join(',');
    try {
      let data = await api('/api/timeline', { ...filterParams(), dyad, bucket: 'week' });
      const series = data.series || [];
      if (series.length > 1 && parseDay(series[series.length - 1].period) - parseDay(series[0].period) > 104 * 7 * DAY) {
        data = await api('/api/timeline', { ...filterParams(), dyad, bucket: 'month' });
      }
      if (seq !== timelineSeq) return;
      if (!data.series.length) {
        timelineHint(`No dated events for ${state.sel.dyad.join(' ↔ ')}` + (data.undated ? ` (${data.undated} undated).` : '.'));
        box.dataset.dyad = dyad;
        box.dataset.periods = '0';
        box.dataset.undated = String(data.undated || 0);
        return;
      }
      $('timeline-hint').hidden = true;
      $('timeline-note').textContent = data.undated ? `${plural(data.undated, 'undated event')} not shown.` : '';
      box.dataset.state = 'ready';
      renderTimeline(data);
      box.dataset.dyad = dyad;
      box.dataset.periods = String(data.series.length);
      box.dataset.undated = String(data.undated || 0);
    } catch (err) {
      if (seq !== timelineSeq) return;
      timelineHint('The timeline could not be loaded.');
      showError(err.message);
    }
  }

  /** Stacked bars per period: cooperation (q1, q2) above zero, conflict (q3, q4) below. */
  function renderTimeline(data) {
    const byPeriod = new Map(data.series.map((s) => [s.period, s]));
    let periods = data.series.map((s) => s.period);
    // Fill empty periods between the first and the last so that spacing means time.
    const step = data.bucket === 'month' ? nextMonth : data.bucket === 'day' ? (t) => t + DAY : (t) => t + 7 * DAY;
    const filled = [];
    for (let t = parseDay(periods[0]); t <= parseDay(periods[periods.length - 1]) && filled.length <= 260; t = step(t)) {
      filled.push(fmtDay(t));
    }
    if (filled.length <= 260) periods = filled;
    const pick = (q, sign) => periods.map((p) => sign * ((byPeriod.get(p) || {})[q] || 0));
    const bar = (name, q, sign, stack) => ({
      name, type: 'bar', stack, data: pick(q, sign), barMaxWidth: 18, itemStyle: { color: QUAD_COLORS[q.slice(1)] },
    });
    if (!timelineChart) timelineChart = echarts.init($('timeline'));
    timelineChart.resize();
    timelineChart.setOption({
      animation: false,
      grid: { left: 34, right: 10, top: 12, bottom: 24 },
      tooltip: {
        trigger: 'axis',
        confine: true,
        formatter: (ps) => {
          const s = byPeriod.get(ps[0].name) || { events: 0, q1: 0, q2: 0, q3: 0, q4: 0, mean_score: null };
          return tooltipBox([
            `${data.bucket} of ${ps[0].name}`,
            `${plural(s.events, 'event')} · mean score ${fmtScore(s.mean_score)}`,
            `cooperation: ${s.q1} verbal, ${s.q2} material`,
            `conflict: ${s.q3} verbal, ${s.q4} material`,
          ]);
        },
      },
      xAxis: { type: 'category', data: periods, axisLabel: { fontSize: 10 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 10, formatter: (v) => String(Math.abs(v)) } },
      series: [
        bar('verbal cooperation', 'q1', 1, 'coop'),
        bar('material cooperation', 'q2', 1, 'coop'),
        bar('verbal conflict', 'q3', -1, 'conf'),
        bar('material conflict', 'q4', -1, 'conf'),
      ],
    }, { notMerge: true });
  }

  // ---------------------------------------------------------------- table

  let tableSeq = 0;

  async function loadTable() {
    const seq = ++tableSeq;
    const table = $('events');
    const params = { ...filterParams(), ...selectionParams(), limit: state.limit, offset: state.offset };
    table.dataset.state = 'loading';
    try {
      const data = await api('/api/events', params);
      if (seq !== tableSeq) return;
      renderTable(data);
      table.dataset.query = new URLSearchParams(Object.entries(params).filter(([, v]) => v != null && v !== '')).toString();
      table.dataset.total = String(data.total);
      table.dataset.state = 'ready';
    } catch (err) {
      if (seq !== tableSeq) return;
      table.dataset.state = 'error';
      $('events-body').replaceChildren(el('tr', { class: 'empty-row' }, el('td', { colspan: 6, text: 'The events could not be loaded.' })));
      showError(err.message);
    }
  }

  function renderTable(data) {
    const body = $('events-body');
    const rows = data.events.map(eventRow);
    if (!rows.length) rows.push(el('tr', { class: 'empty-row' }, el('td', { colspan: 6, text: 'No events match.' })));
    body.replaceChildren(...rows);
    const first = data.total ? data.offset + 1 : 0;
    const last = data.offset + data.events.length;
    $('page-info').textContent = `${first}–${last} of ${data.total}`;
    $('prev').disabled = data.offset <= 0;
    $('next').disabled = last >= data.total;
  }

  function eventRow(ev) {
    const score = el('td', { class: 'score num ' + (ev.score > 0 ? 'pos' : ev.score < 0 ? 'neg' : ''), text: fmtScore(ev.score) });
    const row = el('tr', {
      class: 'ev',
      tabindex: 0,
      dataset: { eventId: ev.id, docId: ev.doc_id },
      title: 'Click to show the evidence',
    },
    el('td', { class: 'date num', text: ev.date || '—' }),
    el('td', { class: 'type', title: `quad ${ev.quad}: ${QUADS[ev.quad] || '?'}${ev.mode ? ' · ' + ev.mode : ''}` },
      el('span', { class: 'qtag', style: `background:${QUAD_COLORS[ev.quad] || '#ccc'}` }), ev.type),
    el('td', { class: 'sides', text: sidesText(ev) }),
    score,
    el('td', { class: 'lang', text: ev.lang || '' }),
    el('td', { class: 'title', title: ev.title || ev.doc, text: ev.title || ev.doc }));
    const toggle = () => toggleDetail(row, ev);
    row.addEventListener('click', toggle);
    row.addEventListener('keydown', (e) => { if (e.key === 'Enter') toggle(); });
    return row;
  }

  /** Sentence with the evidence phrase marked, into `box`. */
  function appendHighlighted(box, sentence, evidence) {
    const at = findPhrase(sentence, evidence);
    if (!sentence) {
      if (evidence) box.append(el('mark', { text: evidence }));
    } else if (!at) {
      box.append(sentence, ' ', el('mark', { title: 'evidence (not found verbatim in the sentence)', text: evidence || '' }));
    } else {
      box.append(sentence.slice(0, at[0]), el('mark', { text: sentence.slice(at[0], at[1]) }), sentence.slice(at[1]));
    }
  }

  function toggleDetail(row, ev) {
    const next = row.nextElementSibling;
    if (next && next.classList.contains('detail')) {
      next.remove();
      row.classList.remove('open');
      return;
    }
    row.classList.add('open');
    const sentence = el('p', { class: 'detail-sentence', lang: ev.lang || null });
    appendHighlighted(sentence, ev.sentence, ev.evidence);
    const meta = [
      `${ev.type}${ev.mode ? ' (' + ev.mode + ')' : ''}`,
      `quad ${ev.quad} ${QUADS[ev.quad] || ''}`,
      `score ${fmtScore(ev.score)}`,
      ev.confidence != null ? `confidence ${Number(ev.confidence).toFixed(2)}` : null,
      (ev.actor_ids || []).length ? `actors ${ev.actor_ids.join(', ')}` : null,
      (ev.recipient_ids || []).length ? `recipients ${ev.recipient_ids.join(', ')}` : null,
      (ev.context || []).length ? `context ${ev.context.join(', ')}` : null,
      ev.num_articles > 1 ? `reported by ${ev.num_articles} articles from ${ev.num_sources} sources` : null,
    ].filter(Boolean).join(' · ');
    const detail = el('tr', { class: 'detail', dataset: { eventId: ev.id } },
      el('td', { colspan: 6 },
        sentence,
        el('p', { class: 'detail-meta', text: meta }),
        el('button', {
          type: 'button', class: 'small open-article', dataset: { docId: ev.doc_id },
          onclick: () => openArticle(ev.doc_id, ev.id),
        }, 'Open article')));
    row.after(detail);
  }

  // ---------------------------------------------------------------- article

  let articleSeq = 0;

  async function openArticle(docId, eventId) {
    const seq = ++articleSeq;
    const panel = $('article');
    state.doc = docId;
    panel.hidden = false;
    panel.dataset.state = 'loading';
    panel.dataset.docId = String(docId);
    $('article-title').textContent = 'Loading…';
    $('article-meta').textContent = '';
    $('article-text').replaceChildren();
    $('article-events').replaceChildren();
    try {
      const doc = await api(`/api/documents/${encodeURIComponent(docId)}`);
      if (seq !== articleSeq) return;
      renderArticle(doc);
      panel.dataset.state = 'ready';
      const index = eventId == null ? -1 : doc.events.findIndex((e) => e.id === eventId);
      focusSentence(index >= 0 ? index : null);
    } catch (err) {
      if (seq !== articleSeq) return;
      panel.dataset.state = 'error';
      $('article-title').textContent = 'The article could not be loaded.';
      showError(err.message);
    }
  }

  function closeArticle() {
    const panel = $('article');
    panel.hidden = true;
    panel.dataset.state = 'closed';
    state.doc = null;
  }

  function renderArticle(doc) {
    $('article-title').textContent = doc.title || doc.doc;
    $('article-title').lang = doc.lang || '';
    const meta = $('article-meta');
    meta.replaceChildren(
      `#${doc.id} · ${doc.doc} · ${doc.lang || '?'} · ${doc.date || 'undated'}` + (doc.source ? ` · ${doc.source}` : ''),
    );
    if (doc.url) {
      const safe = /^https?:\/\//i.test(doc.url);
      meta.append(' · ', safe ? el('a', { href: doc.url, target: '_blank', rel: 'noopener noreferrer', text: doc.url }) : doc.url);
    }
    if (doc.dup_of != null) meta.append(` · reprint of #${doc.dup_of}`);
    if (doc.error) meta.append(` · error: ${doc.error}`);

    const text = $('article-text');
    text.lang = doc.lang || '';
    const parts = (doc.segments || []).map((seg) => segmentNode(seg, doc.mentions || []));
    text.replaceChildren(...parts);

    const list = $('article-events');
    list.replaceChildren(...(doc.events || []).map((ev, i) => el('li', null,
      el('button', { type: 'button', onclick: () => focusSentence(i) },
        el('span', { class: 'ae-head', text: `${ev.date || 'undated'} · ${ev.type} · ${sidesText(ev)} · ${fmtScore(ev.score)}` }),
        el('span', { class: 'ae-ev', text: ev.evidence || '' })))));
    if (!list.children.length) list.append(el('li', { text: 'No events were coded in this article.' }));
  }

  /** One run of text: kept block kind or dropped boilerplate, mention, event sentence, evidence. */
  function segmentNode(seg, mentions) {
    let inner = document.createTextNode(seg.text);
    if (seg.evidence && seg.evidence.length) {
      inner = el('mark', { dataset: { ev: seg.evidence.join(' ') } }, inner);
    }
    if (seg.mention != null && mentions[seg.mention]) {
      const m = mentions[seg.mention];
      const code = m.org || m.country || m.actor;
      inner = el('span', { class: 'mention', title: `${code} · ${m.actor}`, dataset: { actor: m.actor } }, inner);
    }
    const classes = [seg.kept ? `seg-${seg.kept}` : 'seg-drop'];
    const data = {};
    if (seg.sentences && seg.sentences.length) {
      classes.push('sent');
      data.sent = seg.sentences.join(' ');
    }
    return el('span', { class: classes.join(' '), dataset: data }, inner);
  }

  function focusSentence(index) {
    const text = $('article-text');
    for (const node of text.querySelectorAll('.sent.focus')) node.classList.remove('focus');
    if (index == null) {
      $('article').scrollTop = 0;
      return;
    }
    const runs = text.querySelectorAll(`[data-sent~="${index}"]`);
    for (const node of runs) node.classList.add('focus');
    if (runs.length) runs[0].scrollIntoView({ block: 'center' });
  }

  // ---------------------------------------------------------------- search

  async function runSearch(q) {
    const box = $('search-results');
    if (!q.trim()) {
      box.hidden = true;
      return;
    }
    try {
      const data = await api('/api/search', { q, limit: 20 });
      const items = data.results.map((r) => el('li', null,
        el('button', {
          type: 'button', dataset: { docId: r.id },
          onclick: () => { box.hidden = true; openArticle(r.id, null); },
        },
        el('span', { class: 'r-title', lang: r.lang || null, text: r.title || r.doc }),
        el('span', { class: 'r-meta', text: `${r.lang || '?'} · ${r.date || 'undated'} · ${plural(r.events, 'event')} · ${r.doc}` }))));
      box.replaceChildren(items.length ? el('ul', null, ...items) : el('p', { class: 'r-empty', text: `No article matches “${q}”.` }));
      box.hidden = false;
    } catch (err) {
      box.hidden = true;
      showError(err.message);
    }
  }

  // ---------------------------------------------------------------- boot

  function wireControls() {
    $('error-close').addEventListener('click', () => { $('error').hidden = true; });
    $('selection-clear').addEventListener('click', () => setSelection(null));
    for (const [id, key] of [['f-type', 'type'], ['f-quad', 'quad'], ['f-lang', 'lang']]) {
      $(id).addEventListener('change', (e) => { state[key] = e.target.value; filtersChanged(); });
    }
    const applyText = () => {
      const value = $('f-text').value.trim();
      if (value !== state.text) { state.text = value; filtersChanged(); }
    };
    $('f-text').addEventListener('input', debounce(applyText, 600));
    $('f-text').addEventListener('change', applyText);
    $('f-actor').addEventListener('change', (e) => {
      const code = e.target.value.trim().toUpperCase();
      if (code) setSelection({ actor: code });
      else if (state.sel && state.sel.actor) setSelection(null);
    });
    $('prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - state.limit); loadTable(); });
    $('next').addEventListener('click', () => { state.offset += state.limit; loadTable(); });
    $('range-reset').addEventListener('click', () => {
      if (rangeChart) rangeChart.dispatchAction({ type: 'dataZoom', startValue: 0, endValue: rangeBuckets.length - 1 });
    });
    $('search').addEventListener('submit', (e) => { e.preventDefault(); runSearch($('search-q').value); });
    document.addEventListener('click', (e) => {
      if (!$('search').contains(e.target)) $('search-results').hidden = true;
    });
    $('article-close').addEventListener('click', closeArticle);
    document.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      if (!$('search-results').hidden) $('search-results').hidden = true;
      else if (!$('article').hidden) closeArticle();
    });
    window.addEventListener('resize', debounce(() => {
      // The layout is measured in px of the box, with its symbols' sizes: lay it out again
      // when the box changes more than a little (a phone turned, a window narrowed).
      const box = $('graph');
      const off = (now, then) => Math.abs(now / Math.max(1, then) - 1) > 0.05;
      if (graph && graph.frame && (off(box.clientWidth - 2 * GRAPH_PAD, graph.frame.w) || off(box.clientHeight - 2 * GRAPH_PAD, graph.frame.h))) {
        fitGraph(box);
      }
      renderGraph();
      for (const chart of [graphChart, rangeChart, timelineChart]) if (chart) chart.resize();
    }, 120));
  }

  let markReady;
  const ready = new Promise((resolve) => { markReady = resolve; });
  window.dyad = { ready, state, edgePoint, nodePoint };

  async function boot() {
    wireControls();
    renderSelection();
    loadTimeline();
    let stats = null;
    try {
      stats = await loadStats();
    } catch (err) {
      $('stats').textContent = 'Store statistics unavailable.';
      showError(err.message);
    }
    const range = loadRange(stats).catch((err) => {
      $('range-note').textContent = 'The time range could not be loaded.';
      showError(err.message);
    });
    await Promise.all([loadGraph(), loadTable(), range]);
    document.documentElement.dataset.ready = 'true';
    markReady(true);
  }

  boot();
})();
