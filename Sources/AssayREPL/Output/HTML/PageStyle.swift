/// The style sheet and script every Assay page carries inline (no network, no external fonts).
enum PageStyle {
    /// Label colours: entity labels and sentiment labels get fixed ones, others the palette.
    static let fixed: [String: String] = [
        "PERSON": "#cfe2ff", "ORG": "#ffe0b2", "LOC": "#d3f2d3", "MISC": "#ead9ff",
        "positive": "#2e9e4f", "negative": "#d43c3c", "neutral": "#9a9a9a",
        "direct": "#c2185b", "indirect": "#1565c0", "term": "#6d4c41"
    ]
    static let palette = ["#f9c74f", "#90be6d", "#43aa8b", "#f8961e", "#577590", "#f94144", "#b5838d", "#4d908e"]

    static let css = """
        :root { color-scheme: light; --ink: #1d1d1f; --muted: #666; }
        body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0; background: #fafafa; }
        header.page { padding: 1rem 1.5rem .5rem; background: #fff; border-bottom: 1px solid #ddd; position: sticky; top: 0; z-index: 2; }
        header.page h1 { font-size: 1.15rem; margin: 0 0 .25rem; }
        header.page p { margin: 0; color: var(--muted); font-size: .85rem; }
        main { max-width: 52rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
        .legend { display: flex; flex-wrap: wrap; gap: .35rem 1.2rem; margin: .6rem 0 0; font-size: .8rem; }
        .legend fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .2rem .6rem; align-items: center; }
        .legend legend { float: left; font-weight: 600; margin-right: .3rem; }
        .legend label { cursor: pointer; white-space: nowrap; }
        .swatch { display: inline-block; width: .8em; height: .8em; border-radius: 2px; background: var(--c); vertical-align: -1px; margin-right: .2em; border: 1px solid rgba(0,0,0,.2); }
        article.doc { background: #fff; border: 1px solid #e2e2e2; border-radius: 6px; padding: 1rem 1.4rem; margin: 1rem 0; }
        article.doc h2 { font-size: 1rem; margin: 0 0 .2rem; }
        article.doc .meta { color: var(--muted); font-size: .8rem; margin: 0 0 .8rem; }
        .text { white-space: pre-wrap; line-height: 2.05; overflow-wrap: anywhere; }
        .m { border-radius: 3px; }
        .m:focus { outline: 2px solid #111; outline-offset: 1px; }
        .m:target, .m.target { outline: 3px solid #ff9800; }
        .s-highlight { background: var(--c); padding: .1em .15em; }
        .s-quote { border-bottom: 2px solid var(--c); }
        .s-number { box-shadow: inset 0 0 0 1.5px var(--c); padding: .05em .15em; }
        .s-tone { background: color-mix(in srgb, var(--c) calc(var(--w) * 45%), transparent); }
        .m[data-badge]::after { content: attr(data-badge); font-size: .62em; font-weight: 600; letter-spacing: .02em; color: #333; background: rgba(255,255,255,.75); border: 1px solid rgba(0,0,0,.15); border-radius: 3px; padding: 0 .25em; margin-left: .25em; vertical-align: .15em; line-height: 1.2; white-space: nowrap; }
        .s-quote[data-badge]::after { color: var(--c); font-style: italic; }
        #tip { position: absolute; z-index: 5; max-width: 26rem; background: #222; color: #fff; font-size: .78rem; line-height: 1.35; padding: .45rem .6rem; border-radius: 5px; box-shadow: 0 3px 12px rgba(0,0,0,.3); pointer-events: none; }
        #tip[hidden] { display: none; }
        #tip table { border-collapse: collapse; }
        #tip td { padding: 0 .4rem 0 0; vertical-align: top; }
        #tip td:first-child { color: #aaa; }
        #tip hr { border: 0; border-top: 1px solid #555; margin: .3rem 0; }
        table.rows { border-collapse: collapse; font-size: .85rem; background: #fff; width: 100%; }
        table.rows caption { text-align: left; font: .85rem ui-monospace, monospace; color: #444; padding: .3rem 0; }
        table.rows th, table.rows td { border: 1px solid #ddd; padding: .2rem .45rem; text-align: left; vertical-align: top; }
        table.rows th { background: #f0f0f0; cursor: pointer; user-select: none; }
        table.rows th[aria-sort="ascending"]::after { content: " \\25B2"; }
        table.rows th[aria-sort="descending"]::after { content: " \\25BC"; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        section.result { margin: 2rem 0; }
        section.result h2 { font-size: 1.1rem; margin-bottom: .2rem; }
        figure.chart { margin: .8rem 0; background: #fff; border: 1px solid #e2e2e2; border-radius: 6px; padding: .5rem; }
        figure.chart svg { max-width: 100%; height: auto; }
        details.alt { font-size: .85rem; margin: .3rem 0; }
        nav.toc a, td a { color: #0b57d0; }
        """

    /// Tooltips with every field of the annotations under the pointer or the focus (innermost
    /// first), the legend's toggles, sortable tables, and opening the document a link points into.
    static let script = """
        (function () {
          var data = {};
          document.querySelectorAll('script.annotations').forEach(function (s) {
            var list = JSON.parse(s.textContent);
            data[s.dataset.page] = list;
          });
          var tip = document.getElementById('tip');
          function fieldsOf(el) {
            var art = el.closest('[data-page]');
            var list = art ? data[art.dataset.page] : null;
            return list ? list[Number(el.dataset.ann)] : null;
          }
          function show(target) {
            var el = target.closest ? target.closest('.m') : null;
            if (!el || !tip) { hide(); return; }
            tip.textContent = '';
            var chain = [];
            for (var e = el; e; e = e.parentElement ? e.parentElement.closest('.m') : null) chain.push(e);
            chain.forEach(function (e, i) {
              var f = fieldsOf(e);
              if (!f) return;
              if (i > 0) tip.appendChild(document.createElement('hr'));
              var t = document.createElement('table');
              Object.keys(f).forEach(function (k) {
                var v = f[k];
                if (v === null || k === 'doc') return;
                var tr = t.insertRow();
                tr.insertCell().textContent = k;
                var text = Array.isArray(v) ? v.join(', ') : String(v);
                tr.insertCell().textContent = text.length > 160 ? text.slice(0, 159) + '\\u2026' : text;
              });
              tip.appendChild(t);
            });
            var r = el.getClientRects()[0] || el.getBoundingClientRect();
            tip.hidden = false;
            var left = Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
            tip.style.left = Math.max(4, left) + 'px';
            tip.style.top = (window.scrollY + r.bottom + 6) + 'px';
            el.setAttribute('aria-describedby', 'tip');
          }
          function hide() { if (tip) tip.hidden = true; }
          document.addEventListener('mouseover', function (e) { show(e.target); });
          document.addEventListener('focusin', function (e) { show(e.target); });
          document.addEventListener('focusout', hide);
          document.addEventListener('keydown', function (e) { if (e.key === 'Escape') hide(); });
          document.querySelectorAll('.legend input[data-toggle]').forEach(function (box) {
            box.addEventListener('change', function () {
              document.body.classList.toggle('hide-' + box.dataset.toggle, !box.checked);
            });
          });
          document.querySelectorAll('table.rows').forEach(function (table) {
            table.querySelectorAll('th').forEach(function (th, col) {
              th.tabIndex = 0;
              function sort() {
                var asc = th.getAttribute('aria-sort') !== 'ascending';
                table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
                th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
                var body = table.tBodies[0];
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) {
                  var x = a.cells[col].dataset.v, y = b.cells[col].dataset.v;
                  var nx = Number(x), ny = Number(y);
                  var c = (x !== '' && y !== '' && !isNaN(nx) && !isNaN(ny)) ? nx - ny : String(x).localeCompare(String(y));
                  return asc ? c : -c;
                });
                rows.forEach(function (r) { body.appendChild(r); });
              }
              th.addEventListener('click', sort);
              th.addEventListener('keydown', function (e) { if (e.key === 'Enter') sort(); });
            });
          });
          function reveal() {
            var id = decodeURIComponent(location.hash.slice(1));
            var el = id ? document.getElementById(id) : null;
            if (!el) return;
            for (var d = el.closest('details'); d; d = d.parentElement.closest('details')) d.open = true;
            el.scrollIntoView({ block: 'center' });
          }
          window.addEventListener('hashchange', reveal);
          reveal();
        })();
        """
}
