// Drives a running code-server (a real VS Code workbench) in Debian's Chromium through puppeteer-core and proves
// the Nova extension end to end: the file opens, the language server's diagnostics show as squiggles on the broken
// line, hovering a name shows the hover the server computed, inlay hints and semantic colouring are rendered and the
// layers view lists the layers. Reads a JSON plan (argv[2]), writes a JSON report
// to argv[3], screenshots into plan.outDir, and exits non-zero with the workbench's own messages when a step fails.
import fs from "node:fs";
import path from "node:path";
import puppeteer from "puppeteer-core";

const plan = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const reportPath = process.argv[3];
const report = { steps: [], ok: false };
const timeout = plan.timeoutMs ?? 90000;

const started = Date.now();

function step(name, detail) {
  report.steps.push({ name, ms: Date.now() - started, ...detail });
  console.error(`[drive] ${name}${detail ? " " + JSON.stringify(detail) : ""}`);
}

class StepFailure extends Error {}

async function waitFor(description, fn, ms = timeout, interval = 250) {
  const deadline = Date.now() + ms;
  let last;
  while (Date.now() < deadline) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, interval));
  }
  throw new StepFailure(`timed out after ${ms} ms waiting for ${description}`);
}

/** What the workbench itself says: notification toasts, the status bar, the Problems count. */
async function workbenchMessages(page) {
  return page.evaluate(() => {
    const texts = (sel) => [...document.querySelectorAll(sel)].map((e) => e.innerText.trim()).filter((t) => t);
    return {
      notifications: texts(".notification-list-item-message"),
      statusBar: texts(".statusbar-item"),
      hover: texts(".monaco-hover:not(.hidden)"),
    };
  });
}

async function openFile(page, name) {
  await page.keyboard.down("Control");
  await page.keyboard.press("KeyP");
  await page.keyboard.up("Control");
  await page.waitForSelector(".quick-input-widget:not([style*='display: none']) input", { timeout });
  await page.keyboard.type(name, { delay: 20 });
  await waitFor(`"${name}" in quick open`, () =>
    page.evaluate((n) => [...document.querySelectorAll(".quick-input-list .monaco-list-row")]
      .some((row) => row.innerText.includes(n)), name));
  await page.keyboard.press("Enter");
  await waitFor(`the window title to name ${name}`, () => page.evaluate((n) => document.title.includes(n), name));
  await waitFor("editor text", () =>
    page.evaluate(() => document.querySelectorAll(".editor-instance .view-line").length > 0));
}

/** Rectangle of `token` inside the rendered line whose text contains `lineText`, in page coordinates. */
async function tokenBox(page, lineText, token) {
  return page.evaluate((lineText, token) => {
    const norm = (s) => s.replace(/\u00a0/g, " ");
    for (const line of document.querySelectorAll(".editor-instance .view-line")) {
      if (!norm(line.textContent).includes(lineText)) continue;
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let text = "";
      const nodes = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push([n, text.length]);
        text += norm(n.textContent);
      }
      const at = text.indexOf(token, text.indexOf(lineText));
      if (at < 0) return null;
      const [node, start] = nodes.filter(([, s]) => s <= at).pop();
      const range = document.createRange();
      range.setStart(node, at - start);
      range.setEnd(node, Math.min(node.textContent.length, at - start + token.length));
      const r = range.getBoundingClientRect();
      const lineRect = line.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height, lineTop: lineRect.top, lineBottom: lineRect.bottom };
    }
    return null;
  }, lineText, token);
}

/** Puts the cursor at `position` ("line:column", 1-based) through "Go to Line/Column". */
async function goTo(page, position) {
  await page.keyboard.down("Control");
  await page.keyboard.press("KeyG");
  await page.keyboard.up("Control");
  await page.waitForSelector(".quick-input-widget:not([style*='display: none']) input", { timeout });
  await page.keyboard.type(position, { delay: 10 });
  await page.keyboard.press("Enter");
  await waitFor(`the cursor at ${position}`, () =>
    page.evaluate((pos) => {
      const [line, col] = pos.split(":");
      return [...document.querySelectorAll(".statusbar-item")].some((e) => e.innerText.trim() === `Ln ${line}, Col ${col}`);
    }, position));
}

/** Selects from `position` ("line:column", 1-based) to the end of that line. */
async function selectToEndOfLine(page, position) {
  await goTo(page, position);
  await page.keyboard.down("Shift");
  await page.keyboard.press("End");
  await page.keyboard.up("Shift");
}

/** Runs `title` from the command palette (F1), as a user does. */
async function runCommand(page, title) {
  await page.keyboard.press("F1");
  await page.waitForSelector(".quick-input-widget:not([style*='display: none']) input", { timeout });
  await page.keyboard.type(title, { delay: 10 });
  await waitFor(`the command ${JSON.stringify(title)} in the palette`, () =>
    page.evaluate((title) => [...document.querySelectorAll(".quick-input-list .monaco-list-row")]
      .some((row) => row.innerText.includes(title)), title));
  await page.keyboard.press("Enter");
}

/** Squiggles currently rendered, each with the vertical span it covers. */
async function squiggles(page) {
  return page.evaluate(() => [...document.querySelectorAll(".editor-instance [class*='squiggly-']")].map((e) => {
    const r = e.getBoundingClientRect();
    return { kind: [...e.classList].find((c) => c.startsWith("squiggly-")), top: r.top, bottom: r.bottom, left: r.left, width: r.width };
  }));
}

/** The text of every rendered line of the editor, non-breaking spaces as spaces. */
async function viewLines(page) {
  return page.evaluate(() => [...document.querySelectorAll(".editor-instance .view-line")]
    .map((l) => l.textContent.replace(/\u00a0/g, " ")));
}

/** The text of the hover shown over `token` on the line containing `lineText` ("" while the token is not
 * rendered). The mouse moves away and back first, so that every call asks for a fresh hover. */
async function hoverOver(page, lineText, token) {
  const box = await tokenBox(page, lineText, token);
  if (!box) return "";
  await page.mouse.move(5, 5);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
  await new Promise((r) => setTimeout(r, 700));
  return page.evaluate(() => [...document.querySelectorAll(".monaco-hover:not(.hidden)")]
    .map((e) => e.innerText).join("\n"));
}

/** Puts the cursor inside `token` on the line containing `lineText` by clicking it. */
async function clickToken(page, lineText, token) {
  const box = await waitFor(`"${token}" on the line "${lineText}"`, () => tokenBox(page, lineText, token));
  await page.mouse.click(box.x + Math.min(box.width / 2, 3), box.y + box.height / 2);
}

/** Rename with F2, a quick fix from Ctrl+. and the completion of a record's fields after a dot, as a user does. */
async function editing(page, editing) {
  await page.keyboard.press("Escape");
  await clickToken(page, editing.rename.lineText, editing.rename.token);
  await page.keyboard.press("F2");
  // The box takes the focus once prepareRename has answered, the old name selected: typing replaces it.
  const old = await waitFor("the rename box to take the focus", () => page.evaluate(() => {
    const active = document.activeElement;
    return active && active.closest(".rename-box") ? (active.value ?? active.textContent ?? "?") : null;
  }));
  await page.keyboard.type(editing.rename.newName, { delay: 10 });
  await page.keyboard.press("Enter");
  const renamed = await waitFor(`every line to read ${JSON.stringify(editing.rename.expect)}`, async () => {
    const lines = await viewLines(page);
    return editing.rename.expect.every((e) => lines.some((l) => l.includes(e))) ? lines : null;
  });
  step("rename", { old, lines: renamed.filter((l) => l.includes(editing.rename.newName)) });

  await clickToken(page, editing.action.lineText, editing.action.token);
  const titles = await waitFor(`the quick fix ${JSON.stringify(editing.action.title)} in the Ctrl+. menu`, async () => {
    await page.keyboard.press("Escape");
    await page.keyboard.down("Control");
    await page.keyboard.press("Period");
    await page.keyboard.up("Control");
    await new Promise((r) => setTimeout(r, 500));
    const rows = await page.evaluate(() => [...document.querySelectorAll(".action-widget .monaco-list-row")]
      .map((r) => r.innerText.trim()));
    return rows.some((r) => r.includes(editing.action.title)) ? rows : null;
  });
  await page.evaluate((title) => {
    const row = [...document.querySelectorAll(".action-widget .monaco-list-row")]
      .find((r) => r.innerText.includes(title));
    row.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
    row.click();
  }, editing.action.title);
  await waitFor(`the line ${JSON.stringify(editing.action.expect)}`, async () =>
    (await viewLines(page)).some((l) => l.includes(editing.action.expect)));
  step("code action", { offered: titles });

  await page.keyboard.down("Control");
  await page.keyboard.press("End");
  await page.keyboard.up("Control");
  await page.keyboard.press("Enter");
  await page.keyboard.type(editing.complete.typed, { delay: 20 });
  // The dot triggers the suggestions; when they were asked for before the server saw the dot, Ctrl+Space asks
  // again (as a user would).
  let attempts = 0;
  const suggested = await waitFor(`the suggestions ${JSON.stringify(editing.complete.expect)} after the dot`, async () => {
    const rows = await page.evaluate(() => [...document.querySelectorAll(".suggest-widget .monaco-list-row")]
      .map((r) => r.getAttribute("aria-label") ?? r.innerText));
    if (editing.complete.expect.every((e) => rows.some((r) => r.startsWith(e)))) return rows;
    if (attempts++ % 4 === 3) {
      await page.keyboard.down("Control");
      await page.keyboard.press("Space");
      await page.keyboard.up("Control");
    }
    return null;
  });
  await page.keyboard.press("Enter");
  const accepted = await waitFor(`a field accepted after ${JSON.stringify(editing.complete.typed)}`, async () =>
    // (inlay hints render inside the line: `probe :: Int = origin.x`)
    (await viewLines(page)).find((l) => editing.complete.expect.some((e) =>
      l.trim().endsWith(editing.complete.typed.split(" ").pop() + e))));
  step("field completion", { suggested, accepted });
  await page.keyboard.press("Escape");
}

async function main() {
  fs.mkdirSync(plan.outDir, { recursive: true });
  const browser = await puppeteer.launch({
    executablePath: plan.chromium,
    headless: true,
    // No background traffic: the page under test is all on loopback.
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,900", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
      "--disable-features=Translate,OptimizationHints,MediaRouter", "--disable-domain-reliability"],
    defaultViewport: { width: 1400, height: 900 },
  });
  const page = await browser.newPage();
  const consoleErrors = [];
  page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
  try {
    await page.goto(plan.url, { waitUntil: "domcontentloaded", timeout });
    await page.waitForSelector(".monaco-workbench", { timeout });
    await waitFor("the explorer to list the workspace", () =>
      page.evaluate(() => document.querySelectorAll(".explorer-folders-view .monaco-list-row").length > 0));
    step("workbench loaded");

    await openFile(page, plan.file);
    step("file opened", { file: plan.file });

    const languageId = await waitFor("the editor language to be Nova", () =>
      page.evaluate(() => {
        const item = [...document.querySelectorAll(".statusbar-item")].find((e) => e.id.includes("mode"));
        return item && item.innerText.trim() === "Nova" ? item.innerText.trim() : null;
      }));
    step("language mode", { languageId });

    const serverStatus = await waitFor("the Nova status bar item to report a running server", () =>
      page.evaluate(() => {
        const item = [...document.querySelectorAll(".statusbar-item")]
          .find((e) => (e.getAttribute("aria-label") ?? "").includes("Nova language server"));
        const label = item?.getAttribute("aria-label") ?? "";
        return label.includes("running") ? label : null;
      }));
    step("server running", { status: serverStatus });

    const onLine = await waitFor(`a ${plan.squiggle.kind} squiggle on the line "${plan.squiggle.lineText}"`, async () => {
      // Measured on every attempt: code lenses and other view zones move lines down as they arrive.
      const broken = await tokenBox(page, plan.squiggle.lineText, plan.squiggle.token);
      if (!broken) return null;
      const all = await squiggles(page);
      const hits = all.filter((s) => s.kind === plan.squiggle.kind && s.top >= broken.lineTop - 1 && s.bottom <= broken.lineBottom + 1);
      return hits.length ? { hits, all } : null;
    });
    step("squiggle", { count: onLine.hits.length, allSquiggles: onLine.all.length });

    let hoverText = "";
    await waitFor(`a hover containing ${JSON.stringify(plan.hover.expect)}`, async () => {
      hoverText = await hoverOver(page, plan.hover.lineText, plan.hover.token);
      return hoverText.includes(plan.hover.expect);
    }, timeout, 0);
    step("hover", { text: hoverText });
    report.hover = hoverText;
    await page.screenshot({ path: path.join(plan.outDir, "vscode-hover.png") });

    if (plan.reading) {
      // Inlay hints are rendered inside the line, as text of its own.
      const hinted = await waitFor(`an inlay hint ${JSON.stringify(plan.reading.hint)} after ${plan.reading.hintAfter}`,
        () => page.evaluate((after, hint) => [...document.querySelectorAll(".editor-instance .view-line")]
          .map((l) => l.textContent.replace(/\u00a0/g, " "))
          .find((t) => t.startsWith(after) && t.includes(hint)) ?? null, plan.reading.hintAfter, plan.reading.hint));
      step("inlay hint", { line: hinted });
      // Semantic colouring: the grammar cannot tell a parameter from any other name, so without the server's tokens
      // it shares a span (and the default colour) with the text around it; with them it is a span of its own with
      // the parameter colour.
      const coloured = await waitFor(`semantic colouring of ${JSON.stringify(plan.reading.token)}`, () =>
        page.evaluate((lineText, token) => {
          const foreground = getComputedStyle(document.querySelector(".editor-instance .view-lines")).color;
          for (const line of document.querySelectorAll(".editor-instance .view-line")) {
            if (!line.textContent.replace(/\u00a0/g, " ").includes(lineText)) continue;
            const spans = [...line.querySelectorAll("span[class^='mtk']")];
            const own = spans.filter((e) => e.textContent === token).map((e) => getComputedStyle(e).color);
            const words = spans.map((e) => ({ text: e.textContent, colour: getComputedStyle(e).color }));
            return own.length >= 2 && own.every((c) => c !== foreground) ? { colours: own, foreground, words } : null;
          }
          return null;
        }, plan.reading.tokenLine, plan.reading.token));
      step("semantic colouring", coloured);
      report.reading = { hinted, coloured };
      await page.mouse.move(5, 5); // let the hover go, so the picture shows the text
      await new Promise((r) => setTimeout(r, 800));
      await page.screenshot({ path: path.join(plan.outDir, "vscode-inlay-hints-and-semantic-tokens.png") });
    }

    if (plan.fix) {
      // Type over the broken expression like a user would; the squiggle must go away with the server's next publish.
      await selectToEndOfLine(page, plan.fix.position);
      await page.keyboard.type(plan.fix.replacement, { delay: 20 });
      await page.keyboard.press("Escape");
      const fixedLine = plan.fix.lineText.replace(plan.fix.token, plan.fix.replacement);
      await waitFor(`the squiggle to disappear after typing ${JSON.stringify(plan.fix.replacement)}`, async () => {
        const line = await tokenBox(page, fixedLine, plan.fix.replacement);
        if (!line) return false;
        const all = await squiggles(page);
        return !all.some((q) => q.kind === "squiggly-error" && q.top >= line.lineTop - 1 && q.bottom <= line.lineBottom + 1);
      });
      step("typing fixes the error", { line: fixedLine });
    }

    if (plan.editing) {
      await editing(page, plan.editing);
    }

    if (plan.layers) {
      // Save (the view reports the save: the module's revision in the baseline, its exports changed, the importer
      // re-checked), then one more unsaved edit (the session layer shadows the module again, with its revision),
      // so that the picture shows both.
      const layerRows = () => page.evaluate(() => {
        const pane = [...document.querySelectorAll(".pane")]
          .find((p) => p.querySelector(".pane-header")?.textContent.includes("Nova Layers"));
        return pane ? [...pane.querySelectorAll(".monaco-list-row")]
          .map((r) => r.innerText.replace(/\s+/g, " ").trim()) : [];
      });
      await page.keyboard.down("Control");
      await page.keyboard.press("KeyS");
      await page.keyboard.up("Control");
      await page.evaluate(() => {
        const panes = [...document.querySelectorAll(".pane-header")];
        const layers = panes.find((h) => h.textContent.includes("Nova Layers"));
        if (layers && layers.getAttribute("aria-expanded") !== "true") layers.click();
        // the folder tree folds away, so the layers view has the room to show every row
        const files = panes.find((h) => h.closest(".pane")?.querySelector(".explorer-folders-view"));
        if (files && files.getAttribute("aria-expanded") === "true") files.click();
      });
      // (the edit waits for the save's report: the picture shows one, then the other)
      await waitFor("the Nova Layers view to report the save", async () => (await layerRows())
        .some((r) => r.startsWith(plan.layers.module) && r.includes("saved → baseline") && r.includes("exports changed")));
      await page.click(".editor-instance .view-lines"); // the editor has the keyboard again
      await page.keyboard.down("Control");
      await page.keyboard.press("End");
      await page.keyboard.up("Control");
      await page.keyboard.press("Enter");
      await page.keyboard.sendCharacter(plan.layers.unsaved); // one edit (as a paste), not one a key
      const wanted = [
        ["the session shadowing one module", (r) => /^session\s*1 shadowed/.test(r)],
        [`${plan.layers.module} shadowed with its revision, unsaved`,
          (r) => r.startsWith(plan.layers.module) && /rev \d+ · v\d+ · unsaved/.test(r)],
        ["the save with its exports changed", (r) => r.startsWith(plan.layers.module)
          && /saved → baseline rev \d+ · exports changed · [1-9]\d* re-checked/.test(r)],
        [`${plan.layers.rechecked} re-checked`, (r) => r === `${plan.layers.rechecked}re-checked in baseline`
          || r === `${plan.layers.rechecked} re-checked in baseline`],
      ];
      let rows = [];
      try {
        await waitFor(`the Nova Layers view to show ${wanted.map(([what]) => what).join(", ")}`, async () => {
          rows = await layerRows();
          return wanted.every(([, test]) => rows.some(test)) && rows.some((r) => r.startsWith("baseline"));
        });
      } catch (error) {
        throw new StepFailure(`${error.message}; the view's rows: ${JSON.stringify(rows)}`);
      }
      step("layers view", { rows });
      report.layers = rows;
      await page.screenshot({ path: path.join(plan.outDir, "vscode-layers.png") });
    }

    if (plan.evaluate) {
      await openFile(page, plan.secondFile);
      step("second file opened", { file: plan.secondFile });
      // Select from the start of `token` to the end of its line, then run the command from the palette.
      await selectToEndOfLine(page, plan.evaluate.position);
      await runCommand(page, "Nova: Evaluate Selection");
      const notification = await waitFor(`a notification containing ${JSON.stringify(plan.evaluate.expect)}`, () =>
        page.evaluate((expect) => [...document.querySelectorAll(".notification-list-item-message")]
          .map((e) => e.innerText.trim()).find((t) => t.includes(expect)) ?? null, plan.evaluate.expect));
      step("evaluate", { notification });
      report.evaluation = notification;
      await page.screenshot({ path: path.join(plan.outDir, "vscode-evaluate.png") });
    }
    if (plan.enclosing) {
      // The type of the expressions around the cursor, walked outwards and back with the palette's commands (each
      // selects the expression and names its type in the status bar), then a hover inside the selection the walk
      // left: it names the selection's type, not that of the name under the mouse.
      await page.keyboard.press("Escape");
      await goTo(page, plan.enclosing.position);
      const walked = [];
      for (const [command, expect] of plan.enclosing.walk) {
        await runCommand(page, command);
        walked.push(await waitFor(`the status bar to show ${JSON.stringify(expect)} after ${command}`, () =>
          page.evaluate((expect) => [...document.querySelectorAll(".statusbar-item")]
            .map((e) => e.innerText.replace(/\s+/g, " ").trim())
            .find((t) => t.startsWith("Nova: ") && t.includes(expect)) ?? null, expect)));
      }
      step("type of enclosing expressions", { walked });
      let selectionHover = "";
      await waitFor(`a hover on the selection containing ${JSON.stringify(plan.enclosing.hover.expect)}`, async () => {
        selectionHover = await hoverOver(page, plan.enclosing.hover.lineText, plan.enclosing.hover.token);
        return selectionHover.includes(plan.enclosing.hover.expect) && !selectionHover.includes(plan.enclosing.hover.not);
      }, timeout, 0);
      step("hover on a selection", { text: selectionHover });
      report.enclosing = { walked, hover: selectionHover };
      await page.mouse.move(5, 5);
    }
    if (plan.restart) {
      // Record every state the Nova status item goes through while "Nova: Restart Server" runs.
      await page.evaluate(() => {
        window.__novaStates = [];
        const record = () => {
          const item = [...document.querySelectorAll(".statusbar-item")]
            .find((e) => (e.getAttribute("aria-label") ?? "").includes("Nova language server"));
          const label = item?.getAttribute("aria-label") ?? "";
          if (label && window.__novaStates[window.__novaStates.length - 1] !== label) window.__novaStates.push(label);
        };
        new MutationObserver(record).observe(document.body, { subtree: true, attributes: true, childList: true });
      });
      await page.keyboard.press("Escape");
      await runCommand(page, "Nova: Restart Server");
      const states = await waitFor("the server to stop and run again", () =>
        page.evaluate(() => {
          const states = window.__novaStates;
          const down = states.findIndex((s) => !s.includes("running"));
          return down >= 0 && states.slice(down).some((s) => s.includes("running")) ? states : null;
        }));
      step("restart", { states });
    }
    report.ok = true;
  } catch (error) {
    report.error = error instanceof Error ? error.message : String(error);
    report.workbench = await workbenchMessages(page).catch(() => null);
    report.consoleErrors = consoleErrors.slice(-20);
    await page.screenshot({ path: path.join(plan.outDir, "vscode-failure.png") }).catch(() => {});
  } finally {
    await browser.close();
    fs.writeFileSync(reportPath, JSON.stringify(report, null, 2));
  }
  process.exit(report.ok ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  fs.writeFileSync(reportPath, JSON.stringify({ ...report, error: String(e) }, null, 2));
  process.exit(2);
});
