/* Regiograph explorer. Everything works without this script (plain forms);
   it adds: search-as-you-type suggestions in an ARIA combobox (listbox of
   options, arrow keys, Enter, Escape), "copy embed code", and the value of
   REGIOGRAPH_FRAME_ANCESTORS for the site an editor wants to embed into.
   Text goes into the page with textContent only. */
(function () {
  "use strict";

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  var status = document.getElementById("ex-status");

  function Combo(input) {
    var list = document.getElementById(input.getAttribute("aria-controls"));
    var url = input.getAttribute("data-suggest");
    var fill = input.hasAttribute("data-fill");
    var items = [], active = -1, timer = null, seq = 0;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function mark(i) {
      var opts = list.children;
      for (var k = 0; k < opts.length; k++) opts[k].setAttribute("aria-selected", k === i ? "true" : "false");
      active = i;
      if (i >= 0 && opts[i]) {
        input.setAttribute("aria-activedescendant", opts[i].id);
        opts[i].scrollIntoView({ block: "nearest" });
      } else input.removeAttribute("aria-activedescendant");
    }
    function choose(i) {
      var it = items[i];
      if (!it) return;
      if (fill) {
        input.value = it.name;
        input.setAttribute("data-id", it.id);
        input.setAttribute("data-name", it.name);
        close();
      } else {
        window.location.assign(it.href);
      }
    }
    function show(data) {
      items = data.items || [];
      while (list.firstChild) list.removeChild(list.firstChild);
      items.forEach(function (it, i) {
        var li = el("li", null, "ex-opt");
        li.id = input.id + "-opt-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.appendChild(el("span", it.name, "ex-opt-name"));
        var meta = it.type + (it.region ? " \u00b7 " + it.region : "") + (it.matched ? " \u00b7 " + it.matched : "");
        li.appendChild(el("span", meta, "ex-opt-meta"));
        li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(i); });
        list.appendChild(li);
      });
      if (items.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        active = -1;
      } else close();
      if (status) status.textContent = items.length ? items.length + " \u2026" : "";
    }
    function fetchSoon() {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { close(); return; }
      timer = setTimeout(function () {
        var mine = ++seq;
        fetch(url + "&q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : { items: [] }; })
          .then(function (data) { if (mine === seq && document.activeElement === input) show(data); })
          .catch(function () { close(); });
      }, 120);
    }
    input.addEventListener("input", function () {
      input.removeAttribute("data-id");
      fetchSoon();
    });
    input.addEventListener("keydown", function (ev) {
      var open = !list.hidden && items.length;
      if (ev.key === "ArrowDown") {
        if (!open) { fetchSoon(); return; }
        ev.preventDefault();
        mark((active + 1) % items.length);
      } else if (ev.key === "ArrowUp") {
        if (!open) return;
        ev.preventDefault();
        mark(active <= 0 ? items.length - 1 : active - 1);
      } else if (ev.key === "Enter") {
        if (open && active >= 0) {
          ev.preventDefault();
          choose(active);
        }
      } else if (ev.key === "Escape") {
        if (open) { ev.preventDefault(); close(); }
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  document.querySelectorAll("input[role=combobox][data-suggest]").forEach(function (input) { new Combo(input); });

  // a chosen suggestion travels as its id (names may be ambiguous)
  document.querySelectorAll("form").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input[data-id]").forEach(function (input) {
        if (input.value === input.getAttribute("data-name")) input.value = input.getAttribute("data-id");
      });
    });
  });

  document.querySelectorAll(".ex-copy").forEach(function (button) {
    var area = button.parentNode.querySelector(".ex-embed-code");
    button.hidden = false;
    button.addEventListener("click", function () {
      area.select();
      var done = function () { button.textContent = button.getAttribute("data-done"); };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(area.value).then(done, function () { document.execCommand("copy"); done(); });
      } else {
        document.execCommand("copy");
        done();
      }
    });
  });

  // REGIOGRAPH_FRAME_ANCESTORS for the origin of the page that will embed the view
  document.querySelectorAll(".ex-fa").forEach(function (box) {
    var input = box.querySelector(".ex-fa-site");
    var out = box.querySelector(".ex-fa-value");
    var current = (box.getAttribute("data-current") || "'self'").split(/\s+/).filter(Boolean);
    function update() {
      var origin = "";
      try { origin = new URL(input.value.trim()).origin; } catch (e) { origin = ""; }
      if (!origin || origin === "null") origin = "https://intranet.example";
      var list = current.slice();
      if (list.indexOf(origin) < 0) list.push(origin);
      out.textContent = 'REGIOGRAPH_FRAME_ANCESTORS="' + list.join(" ") + '"';
    }
    input.addEventListener("input", update);
    update();
  });
})();
