// Agent League dashboard: plain JavaScript over the manager's REST API and its Server-Sent Events.
// Names come from agents, so every value reaches the page through textContent, never as HTML.
"use strict";

const state = {
  leagues: [],
  selected: null,        // league id
  report: null,          // GET /api/leagues/{id}
  standings: new Map(),  // player_id -> points, to highlight changes
  latencies: [],         // {match, ms} of matches finished while the page is open
  events: [],
};

const palette = ["#3559e0", "#e0575b", "#1f9d55", "#d68400", "#8e44ad", "#16a2b8", "#c2185b", "#5d6d7e",
  "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#ad1457", "#37474f", "#9e9d24", "#4e342e"];

const $ = (id) => document.getElementById(id);

const games = { even_odd: "Even/Odd", rps: "Rock-Paper-Scissors", connect_four: "Connect Four" };
const formats = { round_robin: "round robin", double_round_robin: "double round robin", swiss: "Swiss", knockout: "knockout", gauntlet: "gauntlet" };

/// "Connect Four · Swiss, 5 rounds" for a league report or summary.
function leagueKind(league) {
  const format = league.format || "round_robin";
  const rounds = format === "swiss" && league.rounds_total ? `, ${league.rounds_total} rounds` : "";
  return `${games[league.game_type] || league.game_type} · ${formats[format] || format}${rounds}`;
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function row(cells, className) {
  const tr = el("tr", null, className);
  for (const cell of cells) {
    const td = cell instanceof Node ? wrap("td", cell) : el("td", cell);
    tr.appendChild(td);
  }
  return tr;
}

function wrap(tag, child) {
  const node = document.createElement(tag);
  node.appendChild(child);
  return node;
}

function fill(tbody, rows, emptyText, columns) {
  tbody.replaceChildren(...(rows.length ? rows : [row([emptyText], "empty")]));
  if (!rows.length) tbody.firstChild.firstChild.colSpan = columns;
}

async function getJSON(path, options) {
  const response = await fetch(path, Object.assign({ cache: "no-store" }, options));
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const message = body && body.error ? body.error.message : response.statusText;
    throw new Error(message);
  }
  return body;
}

// ---- summary and leagues -------------------------------------------------------------------------

async function refreshSummary() {
  try {
    const m = await getJSON("/metrics");
    $("m-active").textContent = m.active_leagues;
    $("m-matches").textContent = m.total_matches;
    $("m-inflight").textContent = m.inflight_matches;
    $("m-players").textContent = m.connected_players;
    $("m-referees").textContent = m.connected_referees;
    $("m-uptime").textContent = formatDuration(m.uptime_seconds);
  } catch (error) { /* the next tick retries */ }
}

function formatDuration(seconds) {
  const s = Math.floor(seconds);
  if (s < 60) return s + " s";
  if (s < 3600) return Math.floor(s / 60) + " min " + (s % 60) + " s";
  return Math.floor(s / 3600) + " h " + Math.floor((s % 3600) / 60) + " min";
}

async function refreshLeagues() {
  try {
    state.leagues = (await getJSON("/api/leagues")).leagues;
  } catch (error) { return; }
  if (!state.selected || !state.leagues.some((l) => l.league_id === state.selected)) {
    const running = state.leagues.filter((l) => l.status !== "completed");
    const pick = running.length ? running[running.length - 1] : state.leagues[state.leagues.length - 1];
    if (pick) selectLeague(pick.league_id);
  }
  renderLeagues();
}

function renderLeagues() {
  const rows = state.leagues.slice().reverse().map((league) => {
    const progress = league.matches_total ? `${league.matches_completed}/${league.matches_total} matches` : `waiting for ${league.player_count || "?"} players`;
    const id = el("span", league.league_id);
    id.appendChild(el("span", leagueKind(league), "league-kind"));
    const tr = row([id, el("span", league.status, "pill " + league.status), progress],
      league.league_id === state.selected ? "selected" : "");
    tr.dataset.league = league.league_id;
    tr.addEventListener("click", () => selectLeague(league.league_id));
    return tr;
  });
  fill($("leagues").tBodies[0], rows, "No league yet", 3);
}

function selectLeague(id) {
  if (state.selected !== id) {
    state.selected = id;
    state.standings = new Map();
    state.report = null;
  }
  renderLeagues();
  refreshLeague();
}

// ---- the selected league ---------------------------------------------------------------------------

async function refreshLeague() {
  const id = state.selected;
  if (!id) return;
  let report;
  try {
    report = await getJSON("/api/leagues/" + encodeURIComponent(id));
  } catch (error) { return; }
  if (id !== state.selected) return;
  state.report = report;
  renderLeague();
}

function renderLeague() {
  const r = state.report;
  if (!r) return;
  $("league-title").textContent = r.league_id;
  const status = $("league-status");
  status.textContent = r.status;
  status.className = "pill " + r.status;
  document.body.dataset.leagueStatus = r.status;
  $("league-kind").textContent = leagueKind(r);
  const fraction = r.matches_total ? r.matches_completed / r.matches_total : 0;
  $("league-progress").style.width = (fraction * 100).toFixed(1) + "%";
  $("league-detail").textContent = r.matches_total
    ? `${r.player_count} players · round ${r.rounds_completed} of ${r.rounds_total} completed · ${r.matches_completed} of ${r.matches_total} matches played`
    : (r.waiting_reason ? `waiting: ${r.waiting_reason}` : `waiting for players`);
  renderStandings(r.standings.map((s) => ({ rank: s.rank, id: s.player_id, name: s.name, played: s.played, wins: s.wins, draws: s.draws, losses: s.losses, byes: s.byes || 0, points: s.points })));
  renderMatches(r);
  drawPointsChart(r);
  refreshBracket(r);
}

function renderStandings(rows) {
  const previous = state.standings;
  const next = new Map();
  // A Byes column (Swiss) only when someone had a bye.
  const byes = rows.some((s) => s.byes > 0);
  document.querySelector("#standings th.byes").hidden = !byes;
  const trs = rows.map((s) => {
    next.set(s.id, s.points);
    const changed = previous.size > 0 && previous.get(s.id) !== s.points;
    const cells = [s.rank, s.name, s.played, s.wins, s.draws, s.losses].concat(byes ? [s.byes] : [], [s.points]);
    const tr = row(cells, changed ? "changed" : "");
    tr.dataset.player = s.id;
    for (let i = 2; i < cells.length; i++) tr.children[i].className = "num";
    return tr;
  });
  state.standings = next;
  fill($("standings").tBodies[0], trs, "No standings yet", byes ? 8 : 7);
}

// ---- the knockout bracket ---------------------------------------------------------------------------

/// Fetches the bracket of a knockout league (derived by the server from the report) and draws it.
async function refreshBracket(r) {
  const card = $("bracket-card");
  if (r.format !== "knockout") {
    card.hidden = true;
    document.body.dataset.bracket = "none";
    return;
  }
  let bracket;
  try {
    bracket = await getJSON("/api/leagues/" + encodeURIComponent(r.league_id) + "/bracket");
  } catch (error) { return; }
  if (r.league_id !== state.selected) return;
  card.hidden = false;
  renderBracket($("bracket"), bracket);
  document.body.dataset.bracket = bracket.champion ? "decided" : "open";
}

/// Draws `bracket` (GET /api/leagues/{id}/bracket) into `container`: a column per round, each match with
/// its two players (the one who went through highlighted), the round's byes, then the champion.
function renderBracket(container, bracket) {
  const columns = bracket.rounds.map((round) => {
    const column = el("div", null, "bracket-round");
    column.dataset.round = round.round;
    column.appendChild(el("h3", `Round ${round.round}`));
    const cells = column.appendChild(el("div", null, "bracket-cells"));
    if (!round.drawn) cells.appendChild(el("div", "to be drawn", "bracket-empty"));
    for (const match of round.matches) cells.appendChild(bracketMatch(match));
    for (const bye of round.byes) {
      const node = el("div", bye.name, "bracket-bye");
      node.dataset.player = bye.player_id;
      node.appendChild(el("small", " · bye"));
      cells.appendChild(node);
    }
    return column;
  });
  const champion = el("div", null, "bracket-round champion");
  champion.appendChild(el("h3", "Champion"));
  const last = champion.appendChild(el("div", null, "bracket-cells"));
  if (bracket.champion) {
    const winner = el("div", null, "bracket-player");
    winner.id = "champion";
    winner.dataset.player = bracket.champion.player_id;
    winner.appendChild(el("span", bracket.champion.name));
    winner.appendChild(el("small", "seed " + bracket.champion.seed));
    last.appendChild(winner);
  } else {
    last.appendChild(el("div", "not decided yet", "bracket-empty"));
  }
  columns.push(champion);
  container.replaceChildren(...columns);
}

function bracketMatch(match) {
  const box = el("div", null, "bracket-match");
  box.dataset.match = match.match_id;
  box.dataset.status = match.status;
  for (const player of [match.player_a, match.player_b]) {
    const through = match.advances === player.player_id;
    const line = el("div", null, "bracket-player" + (through ? " advances" : match.advances ? " out" : ""));
    line.dataset.player = player.player_id;
    line.appendChild(el("span", player.name));
    line.appendChild(el("small", "seed " + player.seed));
    box.appendChild(line);
  }
  let note = null;
  if (match.status !== "finished") note = match.status;
  else if (match.decided_by === "higher_seed") note = (match.result === "DRAW" ? "draw" : "both lost") + " · higher seed through";
  else if (match.decided_by === "schedule") note = (match.result === "DRAW" ? "draw" : "both lost") + " · as scheduled";
  else if (match.result === "TECHNICAL_LOSS") note = "technical loss";
  if (note) box.appendChild(el("div", note, "bracket-note"));
  return box;
}

function playerName(report, id) {
  const s = report.standings.find((x) => x.player_id === id);
  return s ? s.name : id;
}

function renderMatches(r) {
  const running = r.matches.filter((m) => m.status === "running");
  const inplay = running.map((m) => {
    const li = el("li", `${m.match_id}  ${playerName(r, m.player_a)} vs ${playerName(r, m.player_b)}`);
    li.appendChild(el("span", m.referee_id || "–", "tag"));
    return li;
  });
  $("inplay").replaceChildren(...(inplay.length ? inplay : [el("li", "None", "empty")]));
  const finished = r.matches.filter((m) => m.status === "finished").slice(-8).reverse();
  const results = finished.map((m) => {
    const outcome = m.result === "DRAW" ? "draw" : `${playerName(r, m.winner)} wins`;
    const li = el("li", `${m.match_id}  ${playerName(r, m.player_a)} vs ${playerName(r, m.player_b)}: ${outcome}`);
    if (m.drawn_number) li.appendChild(el("span", "drew " + m.drawn_number, "tag"));
    if (m.result === "TECHNICAL_LOSS") li.appendChild(el("span", "technical", "tag"));
    return li;
  });
  $("results").replaceChildren(...(results.length ? results : [el("li", "None", "empty")]));
}

// ---- charts (canvas) --------------------------------------------------------------------------------

function setupCanvas(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || canvas.width;
  const height = Math.round(width * 260 / 560);
  if (canvas.width !== Math.round(width * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
  }
  const ctx = canvas.getContext("2d");
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.font = "11px system-ui, sans-serif";
  return { ctx, width, height };
}

function axes(ctx, box, xLabel, yMax, yLabel) {
  ctx.strokeStyle = "#c9cfdb";
  ctx.fillStyle = "#6b7385";
  ctx.beginPath();
  ctx.moveTo(box.left, box.top);
  ctx.lineTo(box.left, box.bottom);
  ctx.lineTo(box.right, box.bottom);
  ctx.stroke();
  const steps = 4;
  for (let i = 0; i <= steps; i++) {
    const value = yMax * i / steps;
    const y = box.bottom - (box.bottom - box.top) * i / steps;
    ctx.fillText(value >= 10 ? Math.round(value) : value.toFixed(1), 4, y + 4);
    if (i > 0) {
      ctx.strokeStyle = "#eef1f7";
      ctx.beginPath();
      ctx.moveTo(box.left + 1, y);
      ctx.lineTo(box.right, y);
      ctx.stroke();
    }
  }
  ctx.fillText(xLabel, box.right - ctx.measureText(xLabel).width, box.bottom + 26);
  ctx.fillText(yLabel, box.left + 4, box.top - 6);
}

/// Cumulative points of each player after each round, from the finished matches.
function pointsPerRound(r) {
  const rounds = Math.max(0, ...r.matches.filter((m) => m.status === "finished").map((m) => m.round));
  const players = r.standings.map((s) => s.player_id);
  const series = new Map(players.map((p) => [p, new Array(rounds + 1).fill(0)]));
  for (const m of r.matches) {
    if (m.status !== "finished") continue;
    const award = (id, points) => { const s = series.get(id); if (s) s[m.round] += points; };
    if (m.result === "DRAW") { award(m.player_a, 1); award(m.player_b, 1); }
    else if (m.winner) award(m.winner, 3);
  }
  for (const s of series.values()) for (let i = 1; i <= rounds; i++) s[i] += s[i - 1];
  return { rounds, series };
}

function drawPointsChart(r) {
  const { ctx, width, height } = setupCanvas($("points-chart"));
  const { rounds, series } = pointsPerRound(r);
  const box = { left: 32, right: width - 10, top: 16, bottom: height - 30 };
  const max = Math.max(3, ...[...series.values()].map((s) => s[rounds] || 0));
  axes(ctx, box, "round", max, "points");
  const legend = [];
  let index = 0;
  for (const [id, values] of series) {
    const color = palette[index++ % palette.length];
    legend.push([playerName(r, id), color]);
    if (rounds === 0) continue;
    ctx.strokeStyle = color;
    ctx.lineWidth = 2;
    ctx.beginPath();
    values.forEach((v, i) => {
      const x = box.left + (box.right - box.left) * i / rounds;
      const y = box.bottom - (box.bottom - box.top) * v / max;
      if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
    });
    ctx.stroke();
    ctx.lineWidth = 1;
  }
  ctx.fillStyle = "#6b7385";
  for (let i = 1; i <= rounds; i++) {
    const x = box.left + (box.right - box.left) * i / rounds;
    if (rounds <= 16 || i % Math.ceil(rounds / 16) === 0) ctx.fillText(String(i), x - 3, box.bottom + 13);
  }
  const shown = legend.slice(0, 16).map(([name, color]) => {
    const span = el("span", name);
    span.style.setProperty("--c", color);
    return span;
  });
  if (legend.length > 16) shown.push(el("span", `+${legend.length - 16} more`));
  $("points-legend").replaceChildren(...shown);
}

function percentile(sorted, p) {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function drawLatencyChart() {
  const { ctx, width, height } = setupCanvas($("latency-chart"));
  const values = state.latencies.slice(-120);
  const sorted = values.map((v) => v.ms).sort((a, b) => a - b);
  const max = Math.max(1, percentile(sorted, 1) * 1.1);
  const box = { left: 40, right: width - 10, top: 16, bottom: height - 30 };
  axes(ctx, box, "matches, oldest → newest", max, "ms");
  const step = (box.right - box.left) / Math.max(values.length, 1);
  ctx.fillStyle = "#3559e0";
  values.forEach((v, i) => {
    const h = (box.bottom - box.top) * v.ms / max;
    ctx.fillRect(box.left + i * step + 1, box.bottom - h, Math.max(step - 2, 1), h);
  });
  for (const [p, color] of [[0.5, "#1f9d55"], [0.95, "#d23c3c"]]) {
    if (!values.length) break;
    const y = box.bottom - (box.bottom - box.top) * percentile(sorted, p) / max;
    ctx.strokeStyle = color;
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(box.left, y);
    ctx.lineTo(box.right, y);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  $("latency-stats").textContent = values.length
    ? `${values.length} matches · p50 ${percentile(sorted, 0.5).toFixed(1)} ms · p95 ${percentile(sorted, 0.95).toFixed(1)} ms`
    : "waiting for matches to finish";
}

// ---- agents -----------------------------------------------------------------------------------------

async function refreshAgents() {
  let agents;
  try {
    agents = (await getJSON("/api/agents")).agents;
  } catch (error) { return; }
  const rows = agents.map((a) => {
    const age = a.last_heartbeat_age_ms;
    const health = !a.connected ? "bad" : age > 3000 ? "warn" : "good";
    const name = el("span", a.name);
    name.prepend(el("span", null, "dot " + health));
    const tr = row([name, a.role, a.connected ? (age / 1000).toFixed(1) + " s ago" : "gone", a.active_match || "–"]);
    tr.dataset.agent = a.id;
    tr.dataset.health = health;
    return tr;
  });
  fill($("agents").tBodies[0], rows, "No agent connected", 4);
}

// ---- live events ------------------------------------------------------------------------------------

let refreshTimer = null;
function refreshSoon() {
  // The manager republishes its snapshot at most every 50 ms: wait a little so the table has changed.
  if (refreshTimer) return;
  refreshTimer = setTimeout(() => { refreshTimer = null; refreshLeague(); refreshLeagues(); refreshSummary(); }, 120);
}

function logEvent(event) {
  const parts = [event.type, event.league_id, event.match_id, event.agent_id, event.result, event.detail].filter(Boolean);
  const li = el("li", " " + parts.slice(1).join(" · "));
  li.prepend(el("b", (event.timestamp || "").slice(11, 23) + " " + parts[0]));
  const list = $("events");
  list.prepend(li);
  while (list.children.length > 40) list.lastChild.remove();
}

function connectEvents() {
  const source = new EventSource("/api/events");
  const live = $("live");
  source.onopen = () => { live.textContent = "live"; live.className = "pill on"; };
  source.onerror = () => { live.textContent = "reconnecting"; live.className = "pill off"; };
  const kinds = ["league_started", "match_started", "match_finished", "standings_changed", "league_completed", "agent_joined", "agent_left"];
  for (const kind of kinds) {
    source.addEventListener(kind, (message) => {
      let event;
      try { event = JSON.parse(message.data); } catch (error) { return; }
      logEvent(event);
      if (kind === "match_finished" && typeof event.duration_ms === "number") {
        state.latencies.push({ match: event.match_id, ms: event.duration_ms });
        if (state.latencies.length > 500) state.latencies.shift();
        drawLatencyChart();
      }
      if (kind === "agent_joined" || kind === "agent_left") refreshAgents();
      if (kind === "standings_changed" && event.league_id === state.selected && event.standings) {
        renderStandings(event.standings.map((s) => ({ rank: s.rank, id: s.player_id, name: s.display_name, played: s.played, wins: s.wins, draws: s.draws, losses: s.losses, byes: s.byes || 0, points: s.points })));
      }
      refreshSoon();
    });
  }
}

// ---- the launch form --------------------------------------------------------------------------------

/// Shows the fields that belong to the chosen game and format only.
function showLaunchFields() {
  const form = $("launch");
  for (const label of form.querySelectorAll("[data-for-format]")) label.hidden = form.format.value !== label.dataset.forFormat;
  for (const label of form.querySelectorAll("[data-for-game]")) label.hidden = form.game.value !== label.dataset.forGame;
}
$("launch").format.addEventListener("change", showLaunchFields);
$("launch").game.addEventListener("change", showLaunchFields);
showLaunchFields();

$("launch").addEventListener("submit", async (submit) => {
  submit.preventDefault();
  const form = submit.target;
  const result = $("launch-result");
  const body = { game: form.game.value, format: form.format.value, players: Number(form.players.value) };
  if (body.format === "swiss") body.rounds = Number(form.rounds.value);
  if (body.format === "gauntlet" && form.gauntlet.value.trim() !== "") body.gauntlet_player = form.gauntlet.value.trim();
  if (body.game === "rps" && form.best_of.value !== "") body.game_options = { best_of: Number(form.best_of.value) };
  if (form.seed.value !== "") body.options = { seed: Number(form.seed.value) };
  form.querySelector("button").disabled = true;
  try {
    const headers = { "Content-Type": "application/json" };
    if (form.token.value !== "") headers.Authorization = "Bearer " + form.token.value;
    const created = await getJSON("/api/leagues", { method: "POST", headers, body: JSON.stringify(body) });
    result.className = "";
    result.textContent = `${created.league_id} created: waiting for ${created.players} players`;
    state.selected = null;
    await refreshLeagues();
    selectLeague(created.league_id);
  } catch (error) {
    result.className = "error";
    result.textContent = error.message;
  } finally {
    form.querySelector("button").disabled = false;
  }
});

// ---- start ------------------------------------------------------------------------------------------

connectEvents();
refreshSummary();
refreshLeagues();
refreshAgents();
drawLatencyChart();
setInterval(refreshSummary, 2000);
setInterval(refreshAgents, 2000);
setInterval(() => { refreshLeagues(); refreshLeague(); }, 3000);
window.addEventListener("resize", () => { if (state.report) drawPointsChart(state.report); drawLatencyChart(); });
