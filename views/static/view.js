/* Regiograph graph view: reads the JSON blocks written by the server, builds
   plain-text tooltips as DOM elements (textContent only, never innerHTML) -
   vis-network shows an element given as `title` as is - and draws the
   network with vis-network. Physics, when enabled, only runs for
   the initial stabilization and is switched off afterwards. */
(function () {
  "use strict";

  function readJSON(id) {
    return JSON.parse(document.getElementById(id).textContent);
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  var docs = Object.create(null);

  function tipElement(tip, ui) {
    var box = el("div", null, "rg-tip");
    box.appendChild(el("strong", tip.heading, "rg-tip-heading"));
    if (tip.kind) box.appendChild(el("div", tip.kind, "rg-tip-kind"));
    if (tip.rows && tip.rows.length) {
      var table = el("table", null, "rg-tip-rows");
      tip.rows.forEach(function (row) {
        var tr = el("tr");
        tr.appendChild(el("th", row[0]));
        tr.appendChild(el("td", row[1]));
        table.appendChild(tr);
      });
      box.appendChild(table);
    }
    if (tip.sources && tip.sources.length) {
      box.appendChild(el("div", ui.sources, "rg-tip-sources-heading"));
      var list = el("ul", null, "rg-tip-sources");
      tip.sources.forEach(function (pair) {
        var doc = Object.prototype.hasOwnProperty.call(docs, pair[0]) ? docs[pair[0]] : null;  // docs is parsed JSON
        var text = doc ? doc.title : pair[0];
        if (doc && doc.date) text += " (" + doc.date + ")";
        if (pair[1]) text += ", " + pair[1];
        list.appendChild(el("li", text));
      });
      box.appendChild(list);
    }
    return box;
  }

  var mark = function (name) { if (window.performance && performance.mark) performance.mark(name); };
  mark("rg-start");
  var nodes = readJSON("rg-nodes");
  var edges = readJSON("rg-edges");
  var options = JSON.parse(readJSON("rg-options"));
  var meta = readJSON("rg-meta");
  var ui = meta.ui || {};
  docs = meta.docs || {};
  var tips = Object.create(null);

  // tooltips are built on first hover (building thousands up front costs
  // more than drawing them); the records keep only a key to their tip
  nodes.forEach(function (n) {
    if (n.tip) {
      tips["n" + n.id] = n.tip;
      delete n.tip;
    }
  });
  edges.forEach(function (e) {
    if (e.tip) {
      tips["e" + e.id] = e.tip;
      delete e.tip;
    }
  });

  var nodeSet = new vis.DataSet(nodes);
  var edgeSet = new vis.DataSet(edges);
  var container = document.getElementById("rg-network");
  mark("rg-data");
  var network = new vis.Network(container, { nodes: nodeSet, edges: edgeSet }, options);
  mark("rg-network");
  var state = { network: network, nodes: nodeSet, edges: edgeSet, ready: null, physics: !!meta.physics };
  window.rgView = state;

  function markReady() {
    if (state.ready !== null) return;
    state.ready = performance.now();
    mark("rg-ready");
    document.body.setAttribute("data-ready", "1");
  }

  /* ---- labels: placed by the page, never two on top of each other ----
     vis-network draws the shapes and edges; the labels are drawn here after
     each frame, at a fixed screen size (12 px, the centre 14 px), each on the
     first of up to eight sides of its node where it overlaps no other label,
     no other node and stays inside the canvas. Nodes are served by priority
     (centre and path ends, then bigger nodes), so the labels that disappear
     when space runs out are those of small nodes; zooming in brings them back. */
  var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  var LINE = 1.25, GAP = 3, MIN_RADIUS = 3.5, CELL = 64;
  var measurer = document.createElement("canvas").getContext("2d");
  var placed = [];
  var hoverEdge = null;

  var FONTS = [
    { css: "400 12px " + FONT, px: 12 },
    { css: "600 13px " + FONT, px: 13 },  // path ends and groups
    { css: "700 14px " + FONT, px: 14 },  // the centre
    { css: "500 12px " + FONT, px: 12 }   // edge labels (hover, selection)
  ];
  var EDGE_FONT = 3;
  var widths = FONTS.map(function () { return Object.create(null); });
  var measurerFont = -1;

  function fontIndex(n) {
    if (n.rgEmph === 2) return 2;
    if (n.rgEmph === 1 || n.rgType === "group") return 1;
    return 0;
  }
  // each text is measured once per font; the canvas font is set only when it changes
  function textWidth(text, fi) {
    var cache = widths[fi];
    var w = cache[text];
    if (w === undefined) {
      if (measurerFont !== fi) {
        measurer.font = FONTS[fi].css;
        measurerFont = fi;
      }
      w = cache[text] = measurer.measureText(text).width;
    }
    return w;
  }
  // the eight sides of a node, as indexes into the offsets filled by `offsets`:
  // 0 below, 1 right, 2 left, 3 above, 4 below right, 5 below left, 6 above right, 7 above left;
  // without an angle in that order, on a ring outward first
  var ORDERS = {
    none: [0, 1, 2, 3, 4, 5, 6, 7],
    rightDown: [1, 4, 6, 0, 3, 2, 5, 7], rightUp: [1, 6, 4, 3, 0, 2, 7, 5],
    leftDown: [2, 5, 7, 0, 3, 1, 4, 6], leftUp: [2, 7, 5, 3, 0, 1, 6, 4],
    down: [0, 4, 5, 1, 2, 3, 6, 7], up: [3, 6, 7, 1, 2, 0, 4, 5]
  };
  var OFF = new Float64Array(16);
  function offsets(r, w, h) {
    var d = r * 0.72 + GAP;
    OFF[0] = -w / 2; OFF[1] = r + GAP;            // below
    OFF[2] = r + GAP; OFF[3] = -h / 2;            // right
    OFF[4] = -r - GAP - w; OFF[5] = -h / 2;       // left
    OFF[6] = -w / 2; OFF[7] = -r - GAP - h;       // above
    OFF[8] = d; OFF[9] = d - h / 2;               // below right
    OFF[10] = -d - w; OFF[11] = d - h / 2;        // below left
    OFF[12] = d; OFF[13] = -d - h / 2;            // above right
    OFF[14] = -d - w; OFF[15] = -d - h / 2;       // above left
  }
  function order(angle) {
    if (typeof angle !== "number") return ORDERS.none;
    var c = Math.cos(angle), s = Math.sin(angle);
    if (c > 0.38) return s > 0 ? ORDERS.rightDown : ORDERS.rightUp;
    if (c < -0.38) return s > 0 ? ORDERS.leftDown : ORDERS.leftUp;
    return s > 0 ? ORDERS.down : ORDERS.up;
  }

  // boxes in cells of CELL px, over the canvas only (labels never leave it,
  // so shapes outside cannot be in their way)
  function Grid(W, H) {
    this.cells = new Map();
    this.ni = Math.floor(W / CELL);
    this.nj = Math.floor(H / CELL);
  }
  Grid.prototype.add = function (b) {
    var i0 = Math.max(0, Math.floor(b.x / CELL)), i1 = Math.min(this.ni, Math.floor((b.x + b.w) / CELL));
    var j0 = Math.max(0, Math.floor(b.y / CELL)), j1 = Math.min(this.nj, Math.floor((b.y + b.h) / CELL));
    for (var i = i0; i <= i1; i++)
      for (var j = j0; j <= j1; j++) {
        var k = i * 4096 + j, list = this.cells.get(k);
        if (list) list.push(b); else this.cells.set(k, [b]);
      }
  };
  Grid.prototype.hits = function (x, y, w, h, except) {
    var i0 = Math.max(0, Math.floor(x / CELL)), i1 = Math.min(this.ni, Math.floor((x + w) / CELL));
    var j0 = Math.max(0, Math.floor(y / CELL)), j1 = Math.min(this.nj, Math.floor((y + h) / CELL));
    for (var i = i0; i <= i1; i++)
      for (var j = j0; j <= j1; j++) {
        var list = this.cells.get(i * 4096 + j);
        if (!list) continue;
        for (var m = 0; m < list.length; m++) {
          var o = list[m];
          if (o.owner !== except && x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h) return true;
        }
      }
    return false;
  };

  function visibleNodes() {
    return nodeSet.get({ filter: function (n) { return !n.hidden; } });
  }

  function relabel() {
    var scale = network.getScale();
    var W = container.clientWidth, H = container.clientHeight;
    var shown = visibleNodes();
    var pos = network.getPositions(shown.map(function (n) { return n.id; }));
    var labels = new Grid(W, H), shapes = new Grid(W, H);
    var items = [];
    for (var a = 0; a < shown.length; a++) {
      var n = shown[a];
      var p = network.canvasToDOM(pos[n.id]);
      var r = (n.size || 16) * scale;
      items.push({ n: n, x: p.x, y: p.y, r: r });
      if (p.x + r > 0 && p.x - r < W && p.y + r > 0 && p.y - r < H)
        shapes.add({ x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r, owner: n.id });
    }
    items.sort(function (ia, ib) {
      var a = ia.n, b = ib.n;
      return (b.rgEmph || 0) - (a.rgEmph || 0) || (b.rgType === "group") - (a.rgType === "group") || (b.size || 0) - (a.size || 0);
    });
    placed = [];
    for (var q = 0; q < items.length; q++) {
      var it = items[q], node = it.n, text = node.rgLabel;
      if (!text || (!node.rgEmph && it.r < MIN_RADIUS)) continue;
      if (it.x < 0 || it.y < 0 || it.x > W || it.y > H) continue;
      var fi = fontIndex(node), f = FONTS[fi];
      var w = Math.ceil(textWidth(text, fi)) + 2, h = Math.ceil(f.px * LINE);
      offsets(it.r, w, h);
      var sides = order(node.rgA), done = false;
      // the emphasised nodes may, as a last resort, have their label over another node's shape
      for (var pass = 0; pass < (node.rgEmph ? 2 : 1) && !done; pass++) {
        for (var i = 0; i < 8; i++) {
          var dx = OFF[2 * sides[i]], dy = OFF[2 * sides[i] + 1];
          var x = it.x + dx, y = it.y + dy;
          if (x < 0 || y < 0 || x + w > W || y + h > H) continue;
          if (labels.hits(x, y, w, h, null) || (!pass && shapes.hits(x, y, w, h, node.id))) continue;
          labels.add({ x: x, y: y, w: w, h: h, owner: node.id });
          placed.push({ id: node.id, text: text, font: f.css, px: f.px, dx: dx, dy: dy, w: w, h: h });
          done = true;
          break;
        }
      }
    }
  }

  function drawLabels(ctx) {
    var ratio = ctx.canvas.width / (ctx.canvas.clientWidth || 1);
    var pos = network.getPositions(placed.map(function (l) { return l.id; }));
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    var font = null;
    placed.forEach(function (l) {
      if (!pos[l.id]) return;
      var p = network.canvasToDOM(pos[l.id]);
      if (l.font !== font) ctx.font = font = l.font;
      ctx.lineWidth = 3.5;
      ctx.strokeStyle = "rgba(255,255,255,0.92)";
      var x = p.x + l.dx + 1, y = p.y + l.dy + (l.h - l.px) / 2;
      ctx.strokeText(l.text, x, y);
      ctx.fillStyle = "#1f2328";
      ctx.fillText(l.text, x, y);
    });
    var ids = network.getSelectedEdges().slice(0, 40);
    if (hoverEdge !== null && ids.indexOf(hoverEdge) < 0) ids.push(hoverEdge);
    ids.forEach(function (id) {
      var e = edgeSet.get(id);
      if (!e || e.hidden || !e.rgLabel) return;
      var ends = network.getPositions([e.from, e.to]);
      if (!ends[e.from] || !ends[e.to]) return;
      var a = network.canvasToDOM(ends[e.from]), b = network.canvasToDOM(ends[e.to]);
      var css = FONTS[EDGE_FONT].css;
      var w = textWidth(e.rgLabel, EDGE_FONT) + 10, h = 18;
      var x = (a.x + b.x) / 2 - w / 2, y = (a.y + b.y) / 2 - h / 2;
      ctx.fillStyle = "rgba(255,255,255,0.95)";
      ctx.strokeStyle = e.color || "#888";
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      if (ctx.roundRect) ctx.roundRect(x, y, w, h, 9); else ctx.rect(x, y, w, h);
      ctx.fill();
      ctx.stroke();
      ctx.font = css;
      ctx.fillStyle = "#1f2328";
      ctx.fillText(e.rgLabel, x + 5, y + 3);
    });
    ctx.restore();
  }

  // the labels as drawn, in viewport pixels of the canvas (for tests and exports)
  state.labels = function () {
    var pos = network.getPositions(placed.map(function (l) { return l.id; }));
    return placed.map(function (l) {
      var p = network.canvasToDOM(pos[l.id]);
      return { id: l.id, text: l.text, font: l.font, px: l.px, x: p.x + l.dx, y: p.y + l.dy, w: l.w, h: l.h };
    });
  };

  // start: the visible nodes fill the canvas, with room for the labels at the sides
  function initialView() {
    var shown = visibleNodes();
    if (!shown.length) return;
    var pos = network.getPositions(shown.map(function (n) { return n.id; }));
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    shown.forEach(function (n) {
      var p = pos[n.id], r = n.size || 16;
      x0 = Math.min(x0, p.x - r); x1 = Math.max(x1, p.x + r);
      y0 = Math.min(y0, p.y - r); y1 = Math.max(y1, p.y + r);
    });
    var W = container.clientWidth, H = container.clientHeight;
    var mx = Math.min(150, W * 0.18), my = Math.min(40, H * 0.08);
    var scale = Math.min((W - 2 * mx) / Math.max(x1 - x0, 1), (H - 2 * my) / Math.max(y1 - y0, 1), 1.25);
    network.moveTo({ position: { x: (x0 + x1) / 2, y: (y0 + y1) / 2 }, scale: Math.max(scale, 0.02), animation: false });
  }

  var pending = false;
  function relabelSoon() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      relabel();
      network.redraw();
    });
  }

  network.on("afterDrawing", drawLabels);
  ["zoom", "dragEnd", "animationFinished", "resize", "stabilized"].forEach(function (ev) { network.on(ev, relabelSoon); });
  network.on("hoverEdge", function (params) { hoverEdge = params.edge; });
  network.on("blurEdge", function () { hoverEdge = null; network.redraw(); });

  function expand(groupId) {
    var g = nodeSet.get(groupId);
    if (!g || !g.rgMembers) return;
    nodeSet.update(g.rgMembers.map(function (id) { return { id: id, hidden: false }; }));
    edgeSet.update(edgeSet.get({ filter: function (e) { return e.rgGroup === groupId; } }).map(function (e) {
      return { id: e.id, hidden: e.rgType === "group" };
    }));
    nodeSet.update({ id: groupId, hidden: true });
    relabelSoon();
  }
  state.expand = expand;

  if (state.physics) {
    network.once("stabilizationIterationsDone", function () {
      mark("rg-stabilized");
      network.setOptions({ physics: { enabled: false } });
      initialView();
      relabel();
      network.once("afterDrawing", markReady);
      network.redraw();
    });
  } else {
    initialView();
    mark("rg-view");
    relabel();
    mark("rg-labels");
    network.once("afterDrawing", markReady);
  }

  function ensureTitle(set, prefix, id) {
    var tip = tips[prefix + id];
    var item = set.get(id);
    if (tip && item && !item.title) set.update({ id: id, title: tipElement(tip, ui) });
  }
  network.on("hoverNode", function (params) { ensureTitle(nodeSet, "n", params.node); });
  network.on("hoverEdge", function (params) { ensureTitle(edgeSet, "e", params.edge); });

  var info = document.getElementById("rg-info");

  function showInfo(key, href) {
    while (info.firstChild) info.removeChild(info.firstChild);
    var tip = tips[key];
    if (!tip) {
      info.hidden = true;
      return;
    }
    var close = el("button", "\u00d7", "rg-info-close");
    close.type = "button";
    close.setAttribute("aria-label", ui.close || "close");
    close.addEventListener("click", function () { info.hidden = true; });
    info.appendChild(close);
    info.appendChild(tipElement(tip, ui));
    if (href) {
      var a = el("a", ui.open_entity || "open", "rg-info-link");
      a.href = href;
      info.appendChild(a);
    }
    info.hidden = false;
  }

  network.on("click", function (params) {
    if (params.nodes.length) {
      var node = nodeSet.get(params.nodes[0]);
      if (node.rgType === "group") {
        info.hidden = true;
        expand(node.id);
        return;
      }
      showInfo("n" + node.id, node.rgHref);
    } else if (params.edges.length) {
      showInfo("e" + params.edges[0], null);
    } else {
      info.hidden = true;
    }
  });

  // the drawing as a list of links: an alternative to the canvas for keyboards and screen readers
  var toggle = document.getElementById("rg-list-toggle");
  var listBox = document.getElementById("rg-list");
  if (toggle && listBox) {
    toggle.addEventListener("click", function () {
      var open = listBox.hidden;
      if (open && !listBox.firstChild) {
        var ul = el("ul");
        nodeSet.get({ filter: function (n) { return n.rgType !== "group"; } })
          .sort(function (a, b) { return String(a.rgLabel).localeCompare(String(b.rgLabel)); })
          .forEach(function (n) {
            var tip = tips["n" + n.id] || {};
            var li = el("li");
            if (n.rgHref) {
              var a = el("a", tip.heading || n.rgLabel);
              a.href = n.rgHref;
              li.appendChild(a);
            } else li.appendChild(el("span", tip.heading || n.rgLabel));
            if (tip.kind) li.appendChild(el("span", " \u00b7 " + tip.kind, "rg-kind"));
            ul.appendChild(li);
          });
        listBox.appendChild(ul);
      }
      listBox.hidden = !open;
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  network.on("doubleClick", function (params) {
    if (!params.nodes.length) return;
    var node = nodeSet.get(params.nodes[0]);
    if (node && node.rgHref) window.location.assign(node.rgHref);
  });
})();
