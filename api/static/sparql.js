// The query page: runs the query against this endpoint and shows the answer. No external scripts.
"use strict";

const form = document.getElementById("query-form");
const textarea = document.getElementById("query");
const picker = document.getElementById("example");
const statusLine = document.getElementById("status");
const results = document.getElementById("results");
const examples = JSON.parse(document.getElementById("examples").textContent);

for (const example of examples) {
  const option = document.createElement("option");
  option.value = example.name;
  option.textContent = example.title;
  picker.appendChild(option);
}
picker.addEventListener("change", () => {
  const chosen = examples.find((e) => e.name === picker.value);
  if (chosen) textarea.value = chosen.query;
});
if (examples.length && !textarea.value) textarea.value = examples[0].query;

function cell(term) {
  if (!term) return "";
  if (term.type === "literal" && term["xml:lang"]) return `${term.value} @${term["xml:lang"]}`;
  return term.value;
}

function showTable(data) {
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  const vars = data.head.vars || [];
  for (const v of vars) {
    const th = document.createElement("th");
    th.textContent = v;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const binding of data.results.bindings) {
    const row = body.insertRow();
    for (const v of vars) row.insertCell().textContent = cell(binding[v]);
  }
  results.replaceChildren(table);
  return data.results.bindings.length;
}

function showText(text, isError) {
  const pre = document.createElement("pre");
  pre.textContent = text;
  if (isError) pre.className = "error";
  results.replaceChildren(pre);
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  statusLine.className = "";
  statusLine.textContent = "running…";
  const started = performance.now();
  try {
    const response = await fetch("/sparql", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/sparql-results+json, text/turtle;q=0.9",
      },
      body: new URLSearchParams({ query: textarea.value }),
    });
    const took = Math.round(performance.now() - started);
    const type = response.headers.get("Content-Type") || "";
    if (!response.ok) {
      showText(await response.text(), true);
      statusLine.className = "error";
      statusLine.textContent = `error ${response.status} (${took} ms)`;
    } else if (type.startsWith("application/sparql-results+json")) {
      const data = await response.json();
      if ("boolean" in data) {
        showText(String(data.boolean), false);
        statusLine.textContent = `${took} ms`;
      } else {
        const rows = showTable(data);
        statusLine.textContent = `${rows} row${rows === 1 ? "" : "s"} in ${took} ms`;
      }
    } else {
      showText(await response.text(), false);
      statusLine.textContent = `${response.headers.get("X-Lexgraph-Rows") || "?"} triples in ${took} ms`;
    }
  } catch (error) {
    showText(String(error), true);
    statusLine.className = "error";
    statusLine.textContent = "the server did not answer";
  }
});
