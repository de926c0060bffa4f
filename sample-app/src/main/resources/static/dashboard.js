// The sample's dashboard: plain JavaScript over the sample's endpoints and /actuator/larder.
'use strict';

const clientId = 'browser-' + Math.random().toString(36).slice(2);
let quotesAsked = 0;

function text(id, value, className) {
  const element = document.getElementById(id);
  element.textContent = value;
  element.className = 'result' + (className ? ' ' + className : '');
}

async function problem(response) {
  try {
    const body = await response.json();
    return body.detail || body.title || response.statusText;
  } catch (notJson) {
    return response.statusText;
  }
}

async function refreshCaches() {
  const response = await fetch('actuator/larder');
  if (!response.ok) {
    return;
  }
  const report = await response.json();
  document.getElementById('backend').textContent = report.backend;
  const rows = document.querySelector('#caches tbody');
  rows.replaceChildren();
  const names = Object.keys(report.caches).sort();
  document.getElementById('caches-empty').hidden = names.length > 0;
  for (const name of names) {
    const cache = report.caches[name];
    const stats = cache.statistics;
    const ratio = stats.hitRatio === undefined ? null : stats.hitRatio;
    const row = document.createElement('tr');
    row.dataset.cache = name;
    const ratioCell = document.createElement('td');
    ratioCell.className = 'ratio';
    if (ratio !== null) {
      const bar = document.createElement('span');
      bar.className = 'bar';
      bar.style.width = Math.round(ratio * 80) + 'px';
      ratioCell.append(bar, (ratio * 100).toFixed(1) + ' %');
    } else {
      ratioCell.textContent = '–';
    }
    row.append(cell(name), ratioCell, cell(stats.hits), cell(stats.misses),
        cell(stats.loads.success + stats.loads.failure), cell(cache.settings.ttl));
    rows.append(row);
  }
}

function cell(value) {
  const td = document.createElement('td');
  td.textContent = value;
  return td;
}

async function readProduct(id) {
  const started = performance.now();
  const response = await fetch('products/' + id);
  const millis = Math.round(performance.now() - started);
  if (response.ok) {
    const product = await response.json();
    text('product-result', `${product.name}: ${product.price} (${millis} ms)`);
  } else {
    text('product-result', `product ${id}: ${response.status} (${millis} ms)`);
  }
  refreshCaches();
}

async function refreshLeaderboard() {
  const response = await fetch('leaderboard/top');
  const list = document.getElementById('leaderboard');
  if (!response.ok) {
    list.replaceChildren();
    text('leaderboard-result', `${response.status}: ${await problem(response)}`, 'limited');
    return;
  }
  const standings = await response.json();
  list.replaceChildren(...standings.map((standing) => {
    const item = document.createElement('li');
    item.textContent = `${standing.player}: ${standing.score}`;
    return item;
  }));
}

async function submitScore(event) {
  event.preventDefault();
  const player = document.getElementById('player').value;
  const score = Number(document.getElementById('score').value);
  const response = await fetch('leaderboard/scores', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ player, score }),
  });
  if (response.ok) {
    text('leaderboard-result', `added ${player}: ${score}`);
  } else {
    text('leaderboard-result', `${response.status}: ${await problem(response)}`, 'limited');
  }
  refreshLeaderboard();
}

async function getQuote() {
  const asked = ++quotesAsked;
  const response = await fetch('quotes/random', { headers: { 'X-Client-Id': clientId } });
  if (response.status === 429) {
    const retryAfter = response.headers.get('Retry-After');
    text('quote-result', `#${asked} 429 Too Many Requests: retry after ${retryAfter} s`, 'limited');
    return;
  }
  if (!response.ok) {
    text('quote-result', `#${asked} ${response.status}: ${await problem(response)}`, 'limited');
    return;
  }
  const quote = await response.json();
  text('quote-result', `#${asked} ${quote.text}`);
}

for (let id = 1; id <= 3; id++) {
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'product-' + id;
  button.textContent = 'Product ' + id;
  button.addEventListener('click', () => readProduct(id));
  document.getElementById('product-buttons').append(button);
}
document.getElementById('score-form').addEventListener('submit', submitScore);
document.getElementById('quote-button').addEventListener('click', getQuote);

refreshCaches();
refreshLeaderboard();
setInterval(() => { refreshCaches(); refreshLeaderboard(); }, 2000);
