/*
 * The "Paste your error" page: the matching rules of kbtool.match (see its
 * module documentation), run in the browser on what the reader pastes.
 * The patterns, records and interface text come from match-data.js, which
 * `kb build` generates from the same definitions `kb match` uses; the steps
 * below mirror kbtool/match/matcher.py one for one, and the same table of
 * cases runs against both (tests/match/cases.yaml). Nothing leaves the page.
 */
(function () {
  "use strict";

  /* Length in characters (code points), as Python counts them, not UTF-16 units. */
  function length(text) {
    return Array.from(text).length;
  }

  function compile(data) {
    var clean = data.clean, flags = data.flags;
    return {
      ansi: new RegExp(clean.ansi, "g" + flags),
      lineBreak: new RegExp(clean.lineBreak, "g" + flags),
      space: new RegExp(clean.space, "g" + flags),
      control: new RegExp(clean.control, "g" + flags),
      leadingNoise: new RegExp(clean.leadingNoise, flags),
      excerpt: data.excerpt,
      records: data.records,
      signatures: data.signatures.map(function (s) {
        return { record: s[0], index: s[1], regex: new RegExp(s[2], flags), secondary: s[3] !== "error" };
      })
    };
  }

  function cleanText(m, text) {
    return text.replace(m.ansi, "").replace(m.lineBreak, "\n").replace(m.space, " ").replace(m.control, "");
  }

  /* A signature's longest hit wins; a later line wins a tie (lines arrive in order). */
  function keep(best, number, hit) {
    var current = best.get(number);
    var len = hit.end - hit.start, currentLen = current ? current.end - current.start : -1;
    if (!current || len > currentLen || (len === currentLen && hit.line >= current.line)) {
      best.set(number, hit);
    }
  }

  function match(m, text) {
    var lines = cleanText(m, text).split("\n");
    var best = new Map();
    lines.forEach(function (raw, i) {
      var line = raw.replace(m.leadingNoise, "");
      m.signatures.forEach(function (signature, number) {
        var found = signature.regex.exec(line);
        if (!found || found[0].length === 0) {
          return;
        }
        var start = length(line.slice(0, found.index));
        keep(best, number, { line: i + 1, text: line, start: start, end: start + length(found[0]),
                             signature: signature.index });
      });
    });
    var byRecord = new Map(), errors = new Set();
    best.forEach(function (hit, number) {
      var record = m.signatures[number].record;
      if (!byRecord.has(record)) {
        byRecord.set(record, []);
      }
      byRecord.get(record).push(hit);
      if (!m.signatures[number].secondary) {
        errors.add(record);
      }
    });
    var results = [];
    byRecord.forEach(function (hits, record) {
      var shown = hits[0], score = 0;
      hits.forEach(function (h) {
        var len = h.end - h.start, shownLen = shown.end - shown.start;
        score += len;
        if (len > shownLen || (len === shownLen && (h.line > shown.line ||
            (h.line === shown.line && h.signature < shown.signature)))) {
          shown = h;
        }
      });
      var info = m.records[record];
      results.push({ id: info.id, title: info.title, url: info.url, score: score, signatures: hits.length,
                     secondaryOnly: !errors.has(record), hit: shown });
    });
    /* Records matched by an error line first, then by score, latest line, id (matcher.py's _rank). */
    results.sort(function (a, b) {
      return (a.secondaryOnly - b.secondaryOnly) || b.score - a.score || b.hit.line - a.hit.line ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
    return results.map(function (r) {
      var cut = excerpt(m, r.hit);
      return { id: r.id, title: r.title, url: r.url, score: r.score, line: r.hit.line,
               matched: cut.text, span: [cut.start, cut.end] };
    });
  }

  /* The line, cut around the match when it is long (Hit.excerpt in Python). */
  function excerpt(m, hit) {
    var chars = Array.from(hit.text);
    if (chars.length <= m.excerpt.max) {
      return { text: hit.text, start: hit.start, end: hit.end };
    }
    var left = Math.max(0, hit.start - m.excerpt.context);
    var right = Math.min(chars.length, hit.end + m.excerpt.context);
    var head = left ? "\u2026" : "", tail = right < chars.length ? "\u2026" : "";
    var shift = head.length - left;
    return { text: head + chars.slice(left, right).join("") + tail, start: hit.start + shift, end: hit.end + shift };
  }

  function render(data, results, text, elements) {
    var list = elements.results, status = elements.status;
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    status.textContent = !text.trim() ? data.text.empty
      : results.length ? data.text.count.replace("{count}", String(results.length)) : data.text.none;
    results.forEach(function (result) {
      var item = document.createElement("li");
      item.className = "kb-match-result";
      item.setAttribute("data-record", result.id);
      var link = document.createElement("a");
      link.href = result.url;
      link.textContent = result.title;
      item.appendChild(link);
      var where = document.createElement("div");
      where.className = "kb-match-line";
      var number = document.createElement("span");
      number.className = "kb-match-lineno";
      number.textContent = data.text.line.replace("{line}", String(result.line));
      var code = document.createElement("code");
      var chars = Array.from(result.matched);
      code.appendChild(document.createTextNode(chars.slice(0, result.span[0]).join("")));
      var mark = document.createElement("mark");
      mark.textContent = chars.slice(result.span[0], result.span[1]).join("");
      code.appendChild(mark);
      code.appendChild(document.createTextNode(chars.slice(result.span[1]).join("")));
      where.appendChild(number);
      where.appendChild(document.createTextNode(" "));
      where.appendChild(code);
      item.appendChild(where);
      list.appendChild(item);
    });
  }

  var data = window.kbMatchData;
  if (!data) {
    return;
  }
  var matcher = compile(data);
  /* For tests and the console: the same function the page runs on every change. */
  window.kbMatch = function (text) {
    return match(matcher, text);
  };
  var input = document.getElementById("kb-match-input");
  var elements = { results: document.getElementById("kb-match-results"),
                   status: document.getElementById("kb-match-status") };
  if (!input || !elements.results || !elements.status) {
    return;
  }
  var update = function () {
    render(data, window.kbMatch(input.value), input.value, elements);
  };
  input.addEventListener("input", update);
  document.getElementById("kb-match").hidden = false;
  update();
})();
