//# allFunctionsCalledOnLoad
/* Regiograph graph view: reads the JSON blocks written by the server, builds
   plain-text tooltips as DOM elements (textContent only, never innerHTML) -
   vis-network shows an element given as `title` as is - and draws the
   network with vis-network. Physics, when enabled, only runs for
   the initial stabilization and is switched off afterwards.
   The first line is V8's explicit compile hint: every function here is
   compiled while the file streams in, not lazily on the first call. */
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
  var widths = Object.create(null);
  var placed = [];
  var hoverEdge = null;

  function fontOf(n) {
    if (n.rgEmph === 2) return { css: "700 14px " + FONT, px: 14 };
    if (n.rgEmph === 1 || n.rgType === "group") return { css: "600 13px " + FONT, px: 13 };
    return { css: "400 12px " + FONT, px: 12 };
  }
  function textWidth(text, css) {
    var key = css + "|" + text;
    if (!(key in widths)) {
      measurer.font = css;
      widths[key] = measurer.measureText(text).width;
    }
    return widths[key];
  }
  function sides(r, w, h, angle) {
    var d = r * 0.72 + GAP;
    var below = [-w / 2, r + GAP], above = [-w / 2, -r - GAP - h], right = [r + GAP, -h / 2], left = [-r - GAP - w, -h / 2];
    var br = [d, d - h / 2], bl = [-d - w, d - h / 2], tr = [d, -d - h / 2], tl = [-d - w, -d - h / 2];
    if (typeof angle !== "number") return [below, right, left, above, br, bl, tr, tl];
    var c = Math.cos(angle), s = Math.sin(angle);
    if (c > 0.38) return s > 0 ? [right, br, tr, below, above, left, bl, tl] : [right, tr, br, above, below, left, tl, bl];
    if (c < -0.38) return s > 0 ? [left, bl, tl, below, above, right, br, tr] : [left, tl, bl, above, below, right, tr, br];
    return s > 0 ? [below, br, bl, right, left, above, tr, tl] : [above, tr, tl, right, left, below, br, bl];
  }
  function Grid() { this.cells = Object.create(null); }
  Grid.prototype.keys = function (b) {
    var out = [];
    for (var i = Math.floor(b.x / CELL); i <= Math.floor((b.x + b.w) / CELL); i++)
      for (var j = Math.floor(b.y / CELL); j <= Math.floor((b.y + b.h) / CELL); j++) out.push(i + ":" + j);
    return out;
  };
  Grid.prototype.add = function (b) {
    var cells = this.cells;
    this.keys(b).forEach(function (k) { (cells[k] = cells[k] || []).push(b); });
  };
  Grid.prototype.hits = function (b, except) {
    var ks = this.keys(b);
    for (var i = 0; i < ks.length; i++) {
      var list = this.cells[ks[i]];
      if (!list) continue;
      for (var j = 0; j < list.length; j++) {
        var o = list[j];
        if (o.owner !== except && b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h) return true;
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
    var labels = new Grid(), shapes = new Grid();
    var at = Object.create(null);
    shown.forEach(function (n) {
      var p = network.canvasToDOM(pos[n.id]);
      var r = (n.size || 16) * scale;
      at[n.id] = { x: p.x, y: p.y, r: r };
      shapes.add({ x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r, owner: n.id });
    });
    shown.sort(function (a, b) {
      return (b.rgEmph || 0) - (a.rgEmph || 0) || (b.rgType === "group") - (a.rgType === "group") || (b.size || 0) - (a.size || 0);
    });
    placed = [];
    shown.forEach(function (n) {
      var text = n.rgLabel;
      var p = at[n.id];
      if (!text || (!n.rgEmph && p.r < MIN_RADIUS)) return;
      if (p.x < 0 || p.y < 0 || p.x > W || p.y > H) return;
      var f = fontOf(n);
      var w = Math.ceil(textWidth(text, f.css)) + 2, h = Math.ceil(f.px * LINE);
      var options = sides(p.r, w, h, n.rgA);
      // the emphasised nodes may, as a last resort, have their label over another node's shape
      for (var pass = 0; pass < (n.rgEmph ? 2 : 1); pass++) {
        for (var i = 0; i < options.length; i++) {
          var box = { x: p.x + options[i][0], y: p.y + options[i][1], w: w, h: h, owner: n.id };
          var inside = box.x >= 0 && box.y >= 0 && box.x + w <= W && box.y + h <= H;
          if (inside && !labels.hits(box, null) && (pass || !shapes.hits(box, n.id))) {
            labels.add(box);
            placed.push({ id: n.id, text: text, font: f.css, px: f.px, dx: options[i][0], dy: options[i][1], w: w, h: h });
            return;
          }
        }
      }
    });
  }

  function drawLabels(ctx) {
    var ratio = ctx.canvas.width / (ctx.canvas.clientWidth || 1);
    var pos = network.getPositions(placed.map(function (l) { return l.id; }));
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    placed.forEach(function (l) {
      if (!pos[l.id]) return;
      var p = network.canvasToDOM(pos[l.id]);
      ctx.font = l.font;
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
      var css = "500 12px " + FONT;
      var w = textWidth(e.rgLabel, css) + 10, h = 18;
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
