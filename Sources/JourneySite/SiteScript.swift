// SiteScript: the site's one script (assets/site.js). Pages are complete without it; it adds
// - the search box (loads assets/search-index.js on first use; arrows, Enter, Escape);
// - tables whose headers say `data-sort` (the index): a button in each such header sorts the
//   rows by its column, aria-sort says how;
// - on a map page: each card of the picture focusable (Tab), its full text shown beside it on
//   hover or focus (from the page's outline, where each element's entry has the element's
//   address as id) and kept open with Enter or a click; a persona's curve alone (the toolbar or
//   the persona's card in the picture's legend); lanes folded and unfolded (the toolbar, or the
//   lane's name in the picture); deep links (`#touchpoint:pdp` scrolls to the card and opens it).
// Plain ES2017, no library, nothing fetched but the search index.

public enum SiteScript {
    public static let source = #"""
    (function () {
      'use strict';
      var root = document.body.getAttribute('data-root') || '';
      document.documentElement.classList.add('js');
      Array.prototype.forEach.call(document.querySelectorAll('.js-only, .toolbar'), function (e) { e.hidden = false; });
      initSearch();
      Array.prototype.forEach.call(document.querySelectorAll('table'), initSort);
      var svg = document.querySelector('figure.map svg');
      if (svg) initMap(svg);

      function initSearch() {
        var box = document.querySelector('.search');
        if (!box) return;
        box.hidden = false;
        var input = box.querySelector('input'), list = box.querySelector('[role=listbox]'), status = document.getElementById('q-status');
        var data = null, loading = false, active = -1, results = [];
        function fold(t) { return t.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); }
        function load(then) {
          if (data) { then(); return; }
          if (window.journeycSearch) { data = prepare(window.journeycSearch); then(); return; }
          if (loading) return;
          loading = true;
          var s = document.createElement('script');
          s.src = root + 'assets/search-index.js';
          s.onload = function () { data = prepare(window.journeycSearch); then(); };
          s.onerror = function () { status.textContent = 'The search index could not be loaded.'; loading = false; };
          document.head.appendChild(s);
        }
        function prepare(index) {
          index.folded = index.items.map(function (item) { return fold(item[1]); });
          return index;
        }
        function close() {
          list.hidden = true; list.innerHTML = ''; results = []; active = -1;
          input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant');
        }
        function search() {
          var q = fold(input.value.trim());
          if (!q) { close(); status.textContent = ''; return; }
          var words = q.split(/\s+/), hits = [];
          for (var i = 0; i < data.items.length && hits.length < 500; i++) {
            var t = data.folded[i], ok = true;
            for (var w = 0; w < words.length; w++) if (t.indexOf(words[w]) < 0) { ok = false; break; }
            if (ok) { var at = t.indexOf(q); hits.push([at === 0 ? 0 : at > 0 ? 1 : 2, data.items[i][0], i]); }
          }
          hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
          results = hits.slice(0, 12).map(function (h) { return data.items[h[2]]; });
          list.innerHTML = ''; active = -1; input.removeAttribute('aria-activedescendant');
          results.forEach(function (item, k) {
            var li = document.createElement('li');
            li.id = 'q-r' + k; li.setAttribute('role', 'option');
            var a = document.createElement('a');
            a.href = root + (item[2] < 0 ? item[3] : data.maps[item[2]][1] + (item[3] ? '#' + item[3] : '')); a.tabIndex = -1;
            var kind = document.createElement('span');
            kind.className = 'kind'; kind.textContent = data.kinds[item[0]];
            a.appendChild(kind); a.appendChild(document.createTextNode(' ' + item[1]));
            if (item[0] > 1) {
              var m = document.createElement('span');
              m.className = 'meta'; m.textContent = ' — ' + data.maps[item[2]][0];
              a.appendChild(m);
            }
            li.appendChild(a); list.appendChild(li);
          });
          list.hidden = results.length === 0;
          input.setAttribute('aria-expanded', results.length ? 'true' : 'false');
          status.textContent = results.length ? results.length + (results.length === 1 ? ' result' : ' results') : 'No results';
        }
        function move(k) {
          var items = list.querySelectorAll('li');
          if (!items.length) return;
          if (active >= 0) items[active].classList.remove('active');
          active = (k + items.length) % items.length;
          items[active].classList.add('active');
          input.setAttribute('aria-activedescendant', items[active].id);
          items[active].scrollIntoView({ block: 'nearest' });
        }
        input.addEventListener('focus', function () { load(function () { if (input.value) search(); }); });
        input.addEventListener('input', function () { load(search); });
        input.addEventListener('keydown', function (e) {
          if (e.key === 'ArrowDown') { e.preventDefault(); move(active + 1); }
          else if (e.key === 'ArrowUp') { e.preventDefault(); move(active - 1); }
          else if (e.key === 'Escape') { close(); }
          else if (e.key === 'Enter') {
            var items = list.querySelectorAll('li a');
            if (items.length) { e.preventDefault(); location.href = items[Math.max(0, active)].href; }
          }
        });
        document.addEventListener('click', function (e) { if (!box.contains(e.target)) close(); });
      }

      // A table whose headers say `data-sort` (text, number, date): each becomes a button that
      // sorts the rows by its column, ascending first (numbers and dates: highest first), again
      // to reverse; aria-sort on the sorted header. Missing values ("—", empty) always come last.
      function initSort(table) {
        var heads = table.tHead ? Array.prototype.slice.call(table.tHead.rows[0].cells) : [];
        if (!heads.some(function (th) { return th.hasAttribute('data-sort'); }) || !table.tBodies[0]) return;
        var body = table.tBodies[0];
        Array.prototype.forEach.call(body.rows, function (r, k) { r.setAttribute('data-order', k); });
        var status = document.createElement('p');
        status.className = 'visually-hidden'; status.setAttribute('role', 'status'); status.setAttribute('aria-live', 'polite');
        table.parentNode.insertBefore(status, table.nextSibling);
        function value(row, k, kind) {
          var cell = row.cells[k];
          if (!cell || row.cells.length !== heads.length) return null;
          var time = cell.querySelector('time'), a = cell.querySelector('a');
          var text = (time ? time.getAttribute('datetime') : (a || cell).textContent).trim();
          if (!text || text === '\u2014') return null;
          if (kind === 'number') { var n = parseFloat(text.replace('\u2212', '-')); return isNaN(n) ? null : n; }
          return text;
        }
        heads.forEach(function (th, k) {
          var kind = th.getAttribute('data-sort');
          if (!kind) return;
          var button = document.createElement('button');
          button.type = 'button'; button.className = 'sort';
          while (th.firstChild) button.appendChild(th.firstChild);
          th.appendChild(button);
          button.addEventListener('click', function () {
            var now = th.getAttribute('aria-sort');
            var first = kind === 'text' ? 'ascending' : 'descending';
            var order = now === first ? (first === 'ascending' ? 'descending' : 'ascending') : first;
            var sign = order === 'ascending' ? 1 : -1;
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = value(a, k, kind), y = value(b, k, kind);
              if (x === null || y === null) {
                if (x !== y) return x === null ? 1 : -1;
              } else {
                var c = kind === 'number' ? x - y : kind === 'date' ? (x < y ? -1 : x > y ? 1 : 0) : x.localeCompare(y);
                if (c) return sign * c;
              }
              return a.getAttribute('data-order') - b.getAttribute('data-order');
            });
            rows.forEach(function (r) { body.appendChild(r); });
            heads.forEach(function (h) { if (h !== th) h.removeAttribute('aria-sort'); });
            th.setAttribute('aria-sort', order);
            status.textContent = 'Sorted by ' + button.textContent.trim() + ', ' + order;
          });
        });
      }

      function initMap(svg) {
        var NS = 'http://www.w3.org/2000/svg';
        var section = document.getElementById('map'), detail = document.getElementById('detail');
        var toolbar = section.querySelector('.toolbar');
        var hl = document.createElementNS(NS, 'rect');
        hl.setAttribute('class', 'hl'); hl.setAttribute('fill', 'none'); hl.setAttribute('rx', '6'); hl.style.display = 'none';
        svg.appendChild(hl);
        var current = null, pinned = false;

        function entryOf(g) { return document.getElementById(g.getAttribute('data-address')); }
        function targetOf(g) { var p = g.parentNode; return p && p.localName === 'a' ? p : g; }

        Array.prototype.forEach.call(svg.querySelectorAll('g[data-address]'), function (g) {
          var t = targetOf(g), entry = entryOf(g);
          var heading = entry && entry.querySelector('h3, h4');
          var label = (heading || entry || g).textContent.replace(/\s+/g, ' ').trim();
          if (t === g) {
            g.setAttribute('tabindex', '0');
            g.setAttribute('role', 'button');
            g.setAttribute('aria-label', label.slice(0, 240) || g.getAttribute('data-address'));
          }
          t.addEventListener('mouseenter', function () { if (!pinned) show(g); });
          t.addEventListener('mouseleave', function () { if (!pinned) hide(); });
          t.addEventListener('focus', function () { if (!pinned || current !== g) { pinned = false; show(g); } });
          t.addEventListener('blur', function (e) { if (!pinned && !(e.relatedTarget && detail.contains(e.relatedTarget))) hide(); });
          if (t === g) {
            g.addEventListener('click', function () { show(g); pin(); });
            g.addEventListener('keydown', function (e) {
              if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); show(g); pin(); var c = detail.querySelector('.close'); if (c) c.focus(); }
            });
          }
        });
        document.addEventListener('keydown', function (e) {
          if (e.key === 'Escape' && !detail.hidden) { var g = current; hide(); if (g) targetOf(g).focus(); }
        });
        document.addEventListener('click', function (e) {
          if (pinned && !detail.contains(e.target) && !(current && targetOf(current).contains(e.target))) hide();
        });

        function box(g) {
          var s = svg.getBoundingClientRect(), r = g.getBoundingClientRect();
          var k = svg.viewBox.baseVal && svg.viewBox.baseVal.width ? svg.viewBox.baseVal.width / s.width : 1;
          return { x: (r.left - s.left) * k, y: (r.top - s.top) * k, w: r.width * k, h: r.height * k };
        }
        function show(g) {
          current = g;
          var b = box(g);
          hl.setAttribute('x', b.x - 3); hl.setAttribute('y', b.y - 3); hl.setAttribute('width', b.w + 6); hl.setAttribute('height', b.h + 6);
          hl.style.display = '';
          var entry = entryOf(g);
          detail.innerHTML = '';
          var close = document.createElement('button');
          close.type = 'button'; close.className = 'close'; close.textContent = 'Close';
          close.addEventListener('click', function () { var c = current; hide(); if (c) targetOf(c).focus(); });
          detail.appendChild(close);
          if (entry) {
            var copy = entry.cloneNode(true);
            Array.prototype.forEach.call(copy.querySelectorAll('article, section'), function (n) { n.remove(); });
            Array.prototype.forEach.call(copy.querySelectorAll('[id]'), function (n) { n.removeAttribute('id'); });
            copy.removeAttribute('id'); copy.removeAttribute('aria-labelledby');
            var holder = document.createElement('div');
            while (copy.firstChild) holder.appendChild(copy.firstChild);
            detail.appendChild(holder);
          } else {
            var p = document.createElement('p'); p.textContent = g.getAttribute('data-address'); detail.appendChild(p);
          }
          var more = document.createElement('p');
          var a = document.createElement('a');
          a.href = '#' + encodeURIComponent(g.getAttribute('data-address')).replace(/%3A/g, ':').replace(/%2F/g, '/');
          a.textContent = 'Link to this card';
          more.appendChild(a); detail.appendChild(more);
          detail.hidden = false;
          var sr = section.getBoundingClientRect(), r = targetOf(g).getBoundingClientRect();
          var width = Math.min(380, sr.width - 16);
          var left = r.right - sr.left + 10;
          if (left + width > sr.width) left = Math.max(8, r.left - sr.left - width - 10);
          detail.style.left = left + 'px';
          detail.style.top = Math.max(0, r.top - sr.top) + 'px';
        }
        function pin() { pinned = true; }
        function hide() { pinned = false; current = null; detail.hidden = true; hl.style.display = 'none'; }

        // Personas: one curve at a time.
        var personaButtons = toolbar ? toolbar.querySelectorAll('[data-persona]') : [];
        function norm(c) { return (c || '').toLowerCase(); }
        function colorOf(id) {
          var path = svg.querySelector('g[data-name="curve:' + CSS.escape(id) + '"] path');
          return path ? norm(path.getAttribute('stroke')) : null;
        }
        var chosen = '';
        function showPersona(id) {
          chosen = id;
          var color = id ? colorOf(id) : null;
          Array.prototype.forEach.call(personaButtons, function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-persona') === id)); });
          Array.prototype.forEach.call(svg.querySelectorAll('g[data-name^="curve:"]'), function (g) {
            g.style.display = !id || g.getAttribute('data-name') === 'curve:' + id ? '' : 'none';
          });
          Array.prototype.forEach.call(svg.querySelectorAll('g[data-name="emotion-dots"] > path'), function (p) {
            p.style.display = !id || norm(p.getAttribute('fill')) === color ? '' : 'none';
          });
          Array.prototype.forEach.call(svg.querySelectorAll('g[data-name="feeling"]'), function (g) {
            var keep = !id || Array.prototype.some.call(g.querySelectorAll(':scope > path'), function (p) { return norm(p.getAttribute('fill')) === color; });
            g.style.display = keep ? '' : 'none';
          });
          Array.prototype.forEach.call(svg.querySelectorAll('g[data-name^="legend:persona:"]'), function (g) {
            var mine = g.getAttribute('data-name') === 'legend:persona:' + id;
            g.style.opacity = !id || mine ? '' : '0.35';
            g.setAttribute('aria-pressed', String(!!id && mine));
          });
        }
        Array.prototype.forEach.call(personaButtons, function (b) {
          b.addEventListener('click', function () { var id = b.getAttribute('data-persona'); showPersona(chosen === id ? '' : id); });
        });
        Array.prototype.forEach.call(svg.querySelectorAll('g[data-name^="legend:persona:"]'), function (g) {
          var id = g.getAttribute('data-name').slice('legend:persona:'.length);
          var button = toolbar && toolbar.querySelector('[data-persona="' + CSS.escape(id) + '"]');
          g.setAttribute('tabindex', '0'); g.setAttribute('role', 'button'); g.setAttribute('aria-pressed', 'false');
          g.setAttribute('aria-label', 'Show only the curve of ' + (button ? button.textContent : id));
          function toggle() { showPersona(chosen === id ? '' : id); }
          g.addEventListener('click', toggle);
          g.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggle(); } });
        });

        // Lanes: folded to their name, everything below moved up.
        var FOLDED = 30;
        var vb = svg.viewBox.baseVal, width = vb.width, height = vb.height;
        var background = svg.querySelector(':scope > rect');
        var tops = [];
        var laneNames = [], laneTitles = {};
        Array.prototype.forEach.call(svg.children, function (el) {
          if (el.localName !== 'g' && el.localName !== 'a') return;
          var name = el.getAttribute('data-name') || '';
          var top = { el: el, tf: el.getAttribute('transform') || '', row: /^row:/.test(name), children: [], lanes: [] };
          if (top.row) {
            Array.prototype.forEach.call(el.children, function (c) {
              var b = c.getBBox ? c.getBBox() : { y: 0, height: 0 };
              top.children.push({ el: c, y: b.y, h: b.height, tf: c.getAttribute('transform') || '' });
              var n = c.getAttribute('data-name') || '';
              if (n.indexOf('label:lane:') === 0) {
                var lane = n.slice('label:'.length), rect = c.querySelector('rect');
                var parts = [];
                Array.prototype.forEach.call(c.children, function (k) { if (k !== rect) { var kb = k.getBBox(); parts.push({ el: k, y: kb.y }); } });
                top.lanes.push({ name: lane, label: c, rect: rect, rectHeight: rect ? rect.getAttribute('height') : null, parts: parts, top: b.y, height: b.height,
                                 laneEl: el.querySelector(':scope > g[data-name="' + CSS.escape(lane) + '"]') });
                if (laneNames.indexOf(lane) < 0) {
                  laneNames.push(lane);
                  var text = c.querySelector('text');
                  laneTitles[lane] = text ? text.textContent.trim() : lane.slice('lane:'.length);
                }
              }
            });
          }
          tops.push(top);
        });
        var folded = {};
        function setTransform(el, shift, tf) {
          var t = (shift ? 'translate(0 ' + (-shift) + ')' : '') + (shift && tf ? ' ' : '') + tf;
          if (t) el.setAttribute('transform', t); else el.removeAttribute('transform');
        }
        function applyFolds() {
          var offset = 0;
          tops.forEach(function (t) {
            if (!t.row) { setTransform(t.el, offset, t.tf); return; }
            var folds = t.lanes.filter(function (l) { return folded[l.name]; });
            t.children.forEach(function (c) {
              var shift = offset, hidden = false, own = null;
              t.lanes.forEach(function (l) { if (l.laneEl === c.el || l.label === c.el) own = l; });
              folds.forEach(function (f) {
                if (own === f) return;
                var bottom = f.top + f.height;
                if (c.y >= bottom - 0.5) shift += f.height - FOLDED;
                else if (c.y + c.h > f.top + 0.5 && c.y < bottom - 0.5) hidden = true;
              });
              if (own && own.laneEl === c.el) hidden = !!folded[own.name];
              c.el.style.display = hidden ? 'none' : '';
              setTransform(c.el, shift, c.tf);
            });
            t.lanes.forEach(function (l) {
              var f = !!folded[l.name];
              if (l.rect) l.rect.setAttribute('height', f ? FOLDED : l.rectHeight);
              l.parts.forEach(function (p) { p.el.style.display = f && p.y > l.top + FOLDED - 12 ? 'none' : ''; });
            });
            folds.forEach(function (f) { offset += f.height - FOLDED; });
          });
          svg.setAttribute('height', height - offset);
          svg.setAttribute('viewBox', '0 0 ' + width + ' ' + (height - offset));
          if (background) background.setAttribute('height', height - offset);
          Array.prototype.forEach.call(toolbar ? toolbar.querySelectorAll('[data-lane]') : [], function (b) {
            b.setAttribute('aria-expanded', String(!folded[b.getAttribute('data-lane')]));
          });
          if (current) { var c = current; show(c); if (pinned) pin(); }
        }
        function toggleLane(name) { folded[name] = !folded[name]; applyFolds(); }
        var laneGroup = toolbar && toolbar.querySelector('.lanes');
        if (laneGroup) {
          if (!laneNames.length) laneGroup.hidden = true;
          laneNames.forEach(function (name) {
            var b = document.createElement('button');
            b.type = 'button'; b.setAttribute('data-lane', name); b.setAttribute('aria-expanded', 'true');
            b.textContent = laneTitles[name];
            b.addEventListener('click', function () { toggleLane(name); });
            laneGroup.appendChild(b);
          });
        }
        Array.prototype.forEach.call(svg.querySelectorAll('g[data-name^="label:lane:"]'), function (g) {
          g.addEventListener('click', function () { toggleLane(g.getAttribute('data-name').slice('label:'.length)); });
        });

        // Deep links: the card of the address in the fragment.
        function fromHash() {
          var id;
          try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
          if (!id) return;
          var g = svg.querySelector('g[data-address="' + CSS.escape(id) + '"]');
          if (!g) return;
          var t = targetOf(g);
          t.scrollIntoView({ block: 'center', inline: 'center' });
          t.focus({ preventScroll: true });
          show(g); pin();
        }
        window.addEventListener('hashchange', fromHash);
        fromHash();
      }
    })();

    """#
}
