#!/usr/bin/env node
// The Node.js library (sipgateio 2.15.1) on bulk_bench.py's three jobs, against delay_stub.py.
//
//   NODE_PATH=<peerbench node/node_modules> node benchmarks/bulk_node.js OP PORT CARDS_JSON N
//
// OP: vcard_import  Promise.all of contacts.importVCardString(card, 'PRIVATE') for each card (the library
//                   takes one card a call; a Node user fans them out at once)
//     delete_shared contacts.deleteAllShared(); the library does not await its deletes, so the clock runs
//                   until the stub has answered all N of them (polling its /__stats every 2 ms)
//     note_updates  history.batchUpdateEvents(events, e => ({note})) for N events (one PUT each, at once)
// Prints one JSON object: op, wall_s, cpu_s, requests, t0_s (the start, CLOCK_MONOTONIC).
'use strict';
const http = require('http');
const fs = require('fs');
const axios = require('axios');

const [op, port, cardsFile, n] = process.argv.slice(2);
const N = Number(n);
const original = axios.create;
axios.create = function create(config) {
  return original.call(this, { ...(config || {}), baseURL: `http://127.0.0.1:${port}/v2` });
};
const sipgateio = require('sipgateio');
const client = sipgateio.sipgateIO({ tokenId: 'token-ABC123', token: 'e68ead46-a7db-46cd-8a1a-44aed1e4e372' });
const contacts = sipgateio.createContactsModule(client);
const history = sipgateio.createHistoryModule(client);

function stats() {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: '/__stats', agent: false }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve(JSON.parse(body)));
    }).on('error', reject);
  });
}

async function answered(route, count) {
  for (;;) {
    const s = await stats();
    if ((s[route] || 0) >= count) return s[route];
    await new Promise((r) => setTimeout(r, 2));
  }
}

async function main() {
  const cards = op === 'vcard_import' ? JSON.parse(fs.readFileSync(cardsFile, 'utf8')).slice(0, N) : [];
  const events = Array.from({ length: N }, (_, i) => ({ id: String(i) }));
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let requests;
  if (op === 'vcard_import') {
    await Promise.all(cards.map((card) => contacts.importVCardString(card, 'PRIVATE')));
    requests = (await stats())['POST /v2/contacts'];
  } else if (op === 'delete_shared') {
    await contacts.deleteAllShared();
    requests = await answered('DELETE /v2/contacts/{id}', N);
  } else if (op === 'note_updates') {
    await history.batchUpdateEvents(events, (e) => ({ note: `note ${e.id}` }));
    requests = (await stats())['PUT /v2/history/{id}'];
  } else {
    throw new Error(`unknown op ${op}`);
  }
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  // t0_s: the start on CLOCK_MONOTONIC (hrtime), which delay_stub's timeline uses too
  const t0s = Number(t0) / 1e9;
  console.log(JSON.stringify({ op, wall_s: wall, cpu_s: (cpu.user + cpu.system) / 1e6, requests, t0_s: t0s }));
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
