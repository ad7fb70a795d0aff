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

  // vis-network fits node shapes, not their labels: leave a margin for those
  function breathe() {
    network.moveTo({ scale: network.getScale() * 0.82 });
  }

  if (state.physics) {
    network.once("stabilizationIterationsDone", function () {
      mark("rg-stabilized");
      network.setOptions({ physics: { enabled: false } });
      breathe();
      network.once("afterDrawing", markReady);
      network.redraw();
    });
  } else {
    breathe();
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
      showInfo("n" + node.id, node.rgHref);
    } else if (params.edges.length) {
      showInfo("e" + params.edges[0], null);
    } else {
      info.hidden = true;
    }
  });

  network.on("doubleClick", function (params) {
    if (!params.nodes.length) return;
    var node = nodeSet.get(params.nodes[0]);
    if (node && node.rgHref) window.location.assign(node.rgHref);
  });
})();
