// Text that is cut by its box or overlaps other text, measured in the browser: the DOM's text
// line boxes (Range.getClientRects) in the page's main area and the SVG text of every drawn
// Plotly chart. Returns one line per problem; an empty list is a clean page.
() => {
  const SLACK = 2; // px of tolerance for anti-aliasing and sub-pixel layout
  const MIN_OVERLAP = 3; // px in both directions before two texts count as overlapping
  const problems = [];
  const shown = (el) => {
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.display === "none" || style.visibility === "hidden" || Number(style.opacity) === 0) return false;
    }
    return true;
  };
  const overlap = (a, b) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > MIN_OVERLAP &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > MIN_OVERLAP;
  const outside = (r, box) =>
    r.left < box.left - SLACK || r.right > box.right + SLACK || r.top < box.top - SLACK || r.bottom > box.bottom + SLACK;
  const quote = (text) => JSON.stringify(text.trim().slice(0, 40));
  const pairs = (items, where) => {
    for (let i = 0; i < items.length; i++)
      for (let j = i + 1; j < items.length; j++)
        if (items[i].owner !== items[j].owner && overlap(items[i].rect, items[j].rect))
          problems.push(`${where}: ${quote(items[i].text)} overlaps ${quote(items[j].text)}`);
  };

  // Charts: every visible text inside the chart's box, none over another.
  document.querySelectorAll(".js-plotly-plot").forEach((plot, index) => {
    const box = plot.getBoundingClientRect();
    if (box.width < 1 || !shown(plot)) return; // e.g. the slide's drawing for the other screen size
    const name = `chart ${index + 1} (${quote(plot.querySelector(".gtitle")?.textContent || "")})`;
    const items = [];
    plot.querySelectorAll("text").forEach((el) => {
      if (!el.textContent.trim() || el.closest(".hoverlayer, .modebar") || !shown(el)) return;
      const rect = el.getBoundingClientRect();
      if (rect.width < 1 || rect.height < 1) return;
      if (outside(rect, box)) problems.push(`${name}: ${quote(el.textContent)} is cut by the chart's edge`);
      items.push({ owner: el, rect, text: el.textContent });
    });
    pairs(items, name);
  });

  // Page text: each line box inside the nearest box that clips it, and over no other text.
  const main = document.querySelector('[data-testid="stMain"]');
  const items = [];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    // Icons are ligatures of a symbol font: their text is a name, not something read.
    const skipped = "svg, .js-plotly-plot, [data-testid='stDataFrame'], [role='tooltip'], [data-testid='stIconMaterial']";
    if (!node.textContent.trim() || el.closest(skipped) || !shown(el)) continue;
    // A folded expander's body keeps its boxes but is not painted.
    if (el.closest("details:not([open]) > :not(summary)")) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const clips = [];
    for (let up = el; up && up !== main; up = up.parentElement) {
      const style = getComputedStyle(up);
      if (["hidden", "clip"].includes(style.overflowX) || ["hidden", "clip"].includes(style.overflowY)) clips.push(up);
    }
    const boxes = clips.map((c) => c.getBoundingClientRect());
    // A text for screen readers only sits in a box of a pixel or less: not drawn, not cut.
    if (boxes.some((b) => b.width <= 2 || b.height <= 2)) continue;
    for (const rect of range.getClientRects()) {
      if (rect.width < 1 || rect.height < 1) continue;
      // Wholly outside a box that clips it (a folded expander, a scrolled-away panel): not drawn.
      if (boxes.some((b) => !overlap(rect, b) && outside(rect, b))) continue;
      if (boxes.some((b) => outside(rect, b))) problems.push(`page: ${quote(node.textContent)} is cut by its box`);
      if (rect.right > window.innerWidth + SLACK) problems.push(`page: ${quote(node.textContent)} runs off the screen`);
      items.push({ owner: el, rect, text: node.textContent });
    }
  }
  pairs(items, "page");
  if (document.scrollingElement.scrollWidth > window.innerWidth + 1) problems.push("page: scrolls sideways");
  return problems;
}
