/*
 * Tether's audit console. Plain JavaScript over Tether's API; charts by Apache ECharts (served from
 * the WAR). Sign-in is OpenID Connect's authorization code flow with PKCE: only the verifier, state
 * and nonce wait in sessionStorage across the redirect; the tokens live in this script's memory,
 * so a reload or sign-out forgets them.
 */
'use strict';

(function () {
  const API = new URL('../', location.href);
  const PKCE_KEY = 'tether.console.pkce';
  const TYPES = ['REGISTRATION', 'TIME_BASED_TOKEN', 'DEVICE_BOUND_TOKEN'];
  const TYPE_LABELS = { REGISTRATION: 'Registration', TIME_BASED_TOKEN: 'Time-based', DEVICE_BOUND_TOKEN: 'Device-bound' };
  const DRMS = ['fairplay', 'widevine', 'playready'];
  const ALL_EVENT_TYPES = ['REGISTRATION', 'DEVICE_RESOLUTION', 'TIME_BASED_TOKEN', 'DEVICE_BOUND_TOKEN',
    'INVALID_REQUEST', 'DEVICE_RENAMED', 'DEVICE_REMOVED', 'DEVICE_REVOKED', 'DEVICE_RESTORED', 'DEVICE_LIMIT_SET',
    'DEVICE_RESET_REQUESTED', 'DEVICE_RESET_APPROVED', 'DEVICE_RESET_REJECTED', 'CONTENT_CREATED', 'CONTENT_UPDATED',
    'CONTENT_RETIRED', 'CONTENT_KEYS_REWRAPPED', 'REQUEST_REFUSED', 'STREAM_ENDED', 'STREAM_EXPIRED',
    'STREAM_POLICY_SET', 'USER_DEPROVISIONED', 'TRAIL_SEARCHED', 'TRAIL_EXPORTED', 'TRAIL_REPORT_READ',
    'LEDGER_VERIFIED', 'EXPRESSPLAY_CHECKED'];
  // Colours told apart by people with common colour blindness (Okabe-Ito), with ECharts' decal patterns on top.
  const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#8a6d00'];

  const session = { config: null, token: null, user: null, roles: [], statsTimer: null, expiryTimer: null };
  const charts = {};
  const paging = { first: null, next: null, page: 0, events: [] };

  const $ = (id) => document.getElementById(id);

  function status(text) { $('status').textContent = text || ''; }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === null || v === undefined) return;
      if (k === 'class') node.className = v; else if (k === 'text') node.textContent = v; else node.setAttribute(k, v);
    });
    children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
    return node;
  }

  function b64url(bytes) {
    let text = '';
    bytes.forEach((b) => { text += String.fromCharCode(b); });
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function random() { return b64url(crypto.getRandomValues(new Uint8Array(32))); }

  function claims(jwt) {
    try {
      const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const json = decodeURIComponent(Array.from(atob(part), (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
      return JSON.parse(json);
    } catch (e) {
      return {};
    }
  }

  // --- Sign-in ---------------------------------------------------------------------------------

  async function signIn() {
    const verifier = random();
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
    const state = random();
    const nonce = random();
    sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state, nonce }));
    const query = new URLSearchParams({
      response_type: 'code', client_id: session.config.clientId, redirect_uri: redirectUri(),
      scope: session.config.scope, state, nonce, code_challenge: b64url(new Uint8Array(digest)),
      code_challenge_method: 'S256'
    });
    location.assign(session.config.authorizeUrl + (session.config.authorizeUrl.includes('?') ? '&' : '?') + query);
  }

  function redirectUri() { return location.origin + location.pathname; }

  async function completeSignIn(params) {
    const saved = JSON.parse(sessionStorage.getItem(PKCE_KEY) || 'null');
    sessionStorage.removeItem(PKCE_KEY);
    history.replaceState(null, '', location.pathname);
    if (params.get('error')) throw new Error('The identity provider refused the sign-in: ' + params.get('error'));
    if (!saved || saved.state !== params.get('state')) throw new Error('The sign-in answer does not belong to this page (state); sign in again.');
    const answer = await fetch(session.config.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
        client_id: session.config.clientId, code_verifier: saved.verifier
      })
    });
    const body = await answer.json().catch(() => ({}));
    if (!answer.ok || !body.access_token) throw new Error('The token exchange failed: ' + (body.error_description || body.error || answer.status));
    const id = body.id_token ? claims(body.id_token) : {};
    if (body.id_token && id.nonce !== saved.nonce) throw new Error('The ID token does not carry this sign-in\'s nonce.');
    const access = claims(body.access_token);
    session.token = body.access_token;
    session.idToken = body.id_token || null;
    session.user = access.preferred_username || access.upn || access.sub || id.sub || '?';
    session.roles = Array.isArray(access.groups) ? access.groups : (Array.isArray(id.groups) ? id.groups : []);
    if (access.exp) {
      session.expiryTimer = setTimeout(() => signOut('Your session has expired; sign in again.'), Math.max(0, access.exp * 1000 - Date.now()));
    }
  }

  function signOut(message) {
    const idToken = session.idToken;
    session.token = null;
    session.idToken = null;
    session.roles = [];
    session.auditorByTether = false;
    clearInterval(session.statsTimer);
    clearTimeout(session.expiryTimer);
    Object.values(charts).forEach((c) => c.dispose());
    Object.keys(charts).forEach((k) => delete charts[k]);
    if (!message && session.config.logoutUrl) {
      const query = new URLSearchParams({ client_id: session.config.clientId, post_logout_redirect_uri: redirectUri() });
      if (idToken) query.set('id_token_hint', idToken);
      location.assign(session.config.logoutUrl + '?' + query);
      return;
    }
    showSignedOut();
    status(message || 'Signed out.');
  }

  function showSignedOut() {
    ['who', 'tabs', 'no-access', 'overview', 'events', 'timeline', 'expressplay', 'ledger'].forEach((id) => { $(id).hidden = true; });
    $('signed-out').hidden = false;
    $('sign-in').focus();
  }

  // --- API -------------------------------------------------------------------------------------

  class Refused extends Error {
    constructor(status, text) { super(text); this.status = status; }
  }

  async function api(path, options) {
    const url = path.startsWith('/') ? new URL(path, location.origin) : new URL(path, API);
    const answer = await fetch(url, Object.assign({ headers: { Authorization: 'Bearer ' + session.token } }, options || {}));
    if (answer.status === 401) {
      signOut('Tether no longer accepts your sign-in (401); sign in again.');
      throw new Refused(401, 'signed out');
    }
    if (answer.status === 403) {
      showNoAccess('Tether refused this view to your account (403): it needs the auditor role.');
      throw new Refused(403, 'forbidden');
    }
    if (!answer.ok) {
      const problem = await answer.json().catch(() => ({}));
      throw new Refused(answer.status, problem.detail || problem.title || ('HTTP ' + answer.status));
    }
    return answer;
  }

  async function json(path) {
    const answer = await api(path);
    return answer.status === 204 ? null : answer.json();
  }

  function failed(e) {
    if (e instanceof Refused && (e.status === 401 || e.status === 403)) return;
    status(e.message);
  }

  function showNoAccess(text) {
    ['tabs', 'overview', 'events', 'timeline', 'expressplay', 'ledger', 'signed-out'].forEach((id) => { $(id).hidden = true; });
    if (text) $('no-access-text').textContent = text;
    $('no-access').hidden = false;
  }

  // --- Navigation ------------------------------------------------------------------------------

  function isAuditor() { return session.roles.includes('auditor') || session.auditorByTether === true; }
  function mayReadStats() { return isAuditor() || session.roles.includes('admin'); }

  function showSignedIn() {
    $('signed-out').hidden = true;
    $('who').hidden = false;
    $('who-user').textContent = session.user;
    $('who-roles').textContent = session.roles.length ? session.roles.join(', ') : 'no roles';
    if (!mayReadStats()) {
      // Tether decides, not the token's claims as this page reads them: its 403 shows the message.
      json('api/audit/summary').then(() => { session.auditorByTether = true; showSignedIn(); }).catch(failed);
      return;
    }
    $('tabs').hidden = false;
    document.querySelectorAll('#tabs [data-audit]').forEach((b) => { b.hidden = !isAuditor(); });
    show(isAuditor() ? 'overview' : 'expressplay');
  }

  function show(panel) {
    document.querySelectorAll('#tabs [role=tab]').forEach((tab) => {
      const selected = tab.getAttribute('aria-controls') === panel;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      $(tab.getAttribute('aria-controls')).hidden = !selected;
    });
    clearInterval(session.statsTimer);
    if (panel === 'overview' && !charts.byType) loadOverview().catch(failed);
    if (panel === 'expressplay') {
      loadStats().catch(failed);
      session.statsTimer = setInterval(() => { if (!document.hidden) loadStats().catch(failed); }, 10000);
    }
    if (panel === 'ledger') loadLedger().catch(failed);
    Object.values(charts).forEach((c) => c.resize());
  }

  function tabKeys(event) {
    const tabs = Array.from(document.querySelectorAll('#tabs [role=tab]')).filter((t) => !t.hidden);
    const at = tabs.indexOf(document.activeElement);
    if (at < 0 || (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft')) return;
    const next = tabs[(at + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    next.focus();
    show(next.getAttribute('aria-controls'));
  }

  // --- Overview --------------------------------------------------------------------------------

  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

  function isoDay(date) { return date.toISOString().slice(0, 10); }

  function preset(days) {
    const today = new Date();
    const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - (days - 1)));
    $('range-from').value = isoDay(from);
    $('range-to').value = isoDay(today);
  }

  function rangeQuery() {
    const to = new Date($('range-to').value + 'T00:00:00Z');
    to.setUTCDate(to.getUTCDate() + 1);
    return { from: $('range-from').value + 'T00:00:00Z', to: to.toISOString().replace('.000Z', 'Z') };
  }

  function daysOf(range) {
    const days = [];
    for (let d = new Date(range.from); d < new Date(range.to) && days.length < 367; d.setUTCDate(d.getUTCDate() + 1)) days.push(isoDay(d));
    return days;
  }

  async function loadOverview() {
    const range = rangeQuery();
    status('Loading the overview…');
    const s = await json('api/audit/summary?' + new URLSearchParams(range));
    const days = daysOf(range);
    const tokens = s.tokensPerDay.reduce((n, d) => n + d.tokens, 0);
    const refusals = s.refusalsByReason.reduce((n, r) => n + r.refusals, 0);
    $('totals').textContent = plural(tokens, 'token') + ' granted, ' + plural(refusals, 'refusal') + ', '
      + plural(s.activeDevices, 'active device') + ', ' + plural(s.streams.refusedOverLimit, 'stream start')
      + ' refused over the limit ('  + range.from.slice(0, 10) + ' to ' + $('range-to').value + ', UTC)';
    $('totals').dataset.tokens = tokens;
    $('totals').dataset.refusals = refusals;
    stacked('byType', 'chart-by-type', 'table-by-type', days, TYPES, TYPE_LABELS, s.tokensPerDayByType, 'type', 'Tokens per day by request type');
    const drmLabels = { fairplay: 'FairPlay', widevine: 'Widevine', playready: 'PlayReady' };
    stacked('byDrm', 'chart-by-drm', 'table-by-drm', days, DRMS, drmLabels, s.tokensPerDayByDrm, 'drm', 'Tokens per day by DRM');
    refusalChart(s.refusalsByReason);
    streamChart(days, s.streams);
    nearLimit(s.nearDeviceLimit);
    status('');
  }

  function chart(key, id, option, description) {
    if (!charts[key]) charts[key] = echarts.init($(id), null, { renderer: 'canvas' });
    charts[key].setOption(Object.assign({
      color: PALETTE,
      aria: { enabled: true, decal: { show: true }, label: { description } },
      animation: false,
      grid: { left: 40, right: 12, top: 34, bottom: 40 },
      tooltip: { trigger: 'axis' }
    }, option), true);
  }

  function table(id, head, rows, foot) {
    const t = $(id);
    t.replaceChildren(
      el('thead', {}, el('tr', {}, head.map((h, i) => el('th', { scope: 'col', class: i ? 'num' : null }, h)))),
      el('tbody', {}, rows),
      foot ? el('tfoot', {}, foot) : '');
  }

  function stacked(key, chartId, tableId, days, series, labels, counts, field, title) {
    const byDay = {};
    counts.forEach((c) => { (byDay[c.day] = byDay[c.day] || {})[c[field]] = c.tokens; });
    const totals = {};
    series.forEach((k) => { totals[k] = counts.filter((c) => c[field] === k).reduce((n, c) => n + c.tokens, 0); });
    const all = Object.values(totals).reduce((a, b) => a + b, 0);
    chart(key, chartId, {
      legend: { top: 0 },
      xAxis: { type: 'category', data: days.map((d) => d.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((k) => ({ name: labels[k], type: 'bar', stack: 'tokens', data: days.map((d) => (byDay[d] || {})[k] || 0) }))
    }, title + ': ' + all + ' in all; ' + series.map((k) => labels[k] + ' ' + totals[k]).join(', ') + '. The table view lists each day.');
    const rows = Object.keys(byDay).sort().map((d) => el('tr', { 'data-day': d },
      el('th', { scope: 'row' }, d),
      series.map((k) => el('td', { class: 'num' }, (byDay[d][k] || 0))),
      el('td', { class: 'num' }, series.reduce((n, k) => n + (byDay[d][k] || 0), 0))));
    table(tableId, ['Day (UTC)', ...series.map((k) => labels[k]), 'Total'], rows,
      el('tr', {}, el('th', { scope: 'row' }, 'Total'), series.map((k) => el('td', { class: 'num', 'data-key': k }, totals[k])),
        el('td', { class: 'num', 'data-key': 'total' }, all)));
  }

  function refusalChart(reasons) {
    const total = reasons.reduce((n, r) => n + r.refusals, 0);
    // One bar per reason, each tall enough for its label: the box grows with the reasons.
    $('chart-refusals').style.height = Math.max(230, 22 * reasons.length + 40) + 'px';
    if (charts.refusals) charts.refusals.resize();
    chart('refusals', 'chart-refusals', {
      grid: { left: 170, right: 20, top: 10, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: reasons.map((r) => r.reasonCode || '(none)'), inverse: true },
      series: [{ name: 'Refusals', type: 'bar', data: reasons.map((r) => r.refusals), colorBy: 'data' }]
    }, 'Refusals by reason: ' + total + ' in all; ' + reasons.map((r) => r.reasonCode + ' ' + r.refusals).join(', ') + '.');
    table('table-refusals', ['Reason', 'Refusals'],
      reasons.map((r) => el('tr', { 'data-key': r.reasonCode }, el('th', { scope: 'row' }, r.reasonCode || '(none)'), el('td', { class: 'num' }, r.refusals))),
      el('tr', {}, el('th', { scope: 'row' }, 'Total'), el('td', { class: 'num', 'data-key': 'total' }, total)));
  }

  function streamChart(days, streams) {
    const byDay = {};
    streams.peakPerDay.forEach((p) => { byDay[p.day] = p; });
    const peak = streams.peakPerDay.reduce((n, p) => Math.max(n, p.peakStreams), 0);
    chart('streams', 'chart-streams', {
      legend: { top: 0 },
      xAxis: { type: 'category', data: days.map((d) => d.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: 'Peak streams of one account', type: 'bar', data: days.map((d) => (byDay[d] ? byDay[d].peakStreams : 0)) },
        { name: 'Accounts that streamed', type: 'line', data: days.map((d) => (byDay[d] ? byDay[d].accounts : 0)) }
      ]
    }, 'Peak concurrent streams of one account: at most ' + peak + ' on a day; ' + streams.refusedOverLimit + ' starts refused over the limit.');
    table('table-streams', ['Day (UTC)', 'Peak streams', 'Accounts'],
      streams.peakPerDay.map((p) => el('tr', { 'data-day': p.day }, el('th', { scope: 'row' }, p.day), el('td', { class: 'num' }, p.peakStreams), el('td', { class: 'num' }, p.accounts))),
      el('tr', {}, el('th', { scope: 'row' }, 'Refused over the limit'), el('td', { class: 'num', 'data-key': 'refusedOverLimit' }, streams.refusedOverLimit), el('td', {}, '')));
  }

  function nearLimit(report) {
    $('near-heading').textContent = 'Users near their device limit (' + report.threshold + ' or more active devices of ' + report.deviceLimit + ')';
    table('table-near', ['User', 'Active devices'],
      report.users.length
        ? report.users.map((u) => el('tr', {}, el('td', {}, userLink(u.userId)), el('td', { class: 'num' }, u.devices)))
        : [el('tr', {}, el('td', { colspan: 2 }, 'None in this range.'))]);
  }

  // --- Events ----------------------------------------------------------------------------------

  function userLink(user) { return user ? el('button', { type: 'button', class: 'link', 'data-user': user }, user) : ''; }
  function deviceLink(device) { return device ? el('button', { type: 'button', class: 'link', 'data-device': device }, device) : ''; }

  function filterQuery() {
    const q = new URLSearchParams();
    ['user', 'device', 'content', 'from', 'to'].forEach((f) => { const v = $('f-' + f).value.trim(); if (v) q.append(f, v); });
    Array.from($('f-type').selectedOptions).forEach((o) => q.append('type', o.value));
    if ($('f-outcome').value) q.append('outcome', $('f-outcome').value);
    return q;
  }

  async function search(url) {
    status('Searching…');
    const answer = await api(url);
    const events = await answer.json();
    const link = answer.headers.get('Link');
    const next = link && /<([^>]+)>\s*;\s*rel="?next"?/.exec(link);
    paging.next = next ? next[1] : null;
    paging.events = events;
    $('next-page').disabled = !paging.next;
    $('first-page').disabled = paging.page <= 1;
    $('page-info').textContent = 'Page ' + paging.page + ': ' + events.length + ' events' + (paging.next ? ', more follow' : ', the last page');
    table('table-events', ['Time (UTC)', 'Type', 'Outcome', 'Reason', 'User', 'Device', 'Content', ''],
      events.length ? events.map((e, i) => el('tr', { 'data-id': e.id },
        el('td', {}, e.occurredAt), el('td', {}, e.type), el('td', {}, e.outcome), el('td', {}, e.reasonCode || ''),
        el('td', {}, userLink(e.userId)), el('td', {}, deviceLink(e.deviceId)), el('td', {}, e.contentId || ''),
        el('td', {}, el('button', { type: 'button', 'data-detail': i, 'aria-label': 'Details of event ' + e.id }, 'Details'))))
        : [el('tr', {}, el('td', { colspan: 8 }, 'No event matches.'))]);
    status('');
  }

  function firstPage() {
    paging.page = 1;
    paging.first = 'api/audit/events?' + filterQuery() + '&limit=' + $('f-limit').value;
    $('detail').hidden = true;
    return search(paging.first);
  }

  function nextPage() {
    paging.page += 1;
    return search(paging.next);
  }

  function detail(index) {
    const e = paging.events[index];
    document.querySelectorAll('#table-events tr.selected').forEach((r) => r.classList.remove('selected'));
    document.querySelector('#table-events tr[data-id="' + e.id + '"]').classList.add('selected');
    $('detail-heading').textContent = 'Event ' + e.id;
    const fields = ['id', 'occurredAt', 'type', 'outcome', 'reasonCode', 'userId', 'deviceId', 'contentId', 'cookie',
      'tokenFingerprint', 'tokenExpiresAt', 'requestId', 'clientAddress', 'actorId'];
    $('detail-fields').replaceChildren(...fields.filter((f) => e[f] !== null && e[f] !== undefined).flatMap((f) => [
      el('dt', {}, f),
      el('dd', {}, f === 'userId' ? userLink(e[f]) : f === 'deviceId' ? deviceLink(e[f]) : String(e[f]))]));
    $('detail-json').textContent = e.detail ? JSON.stringify(e.detail, null, 2) : '(none)';
    $('detail').hidden = false;
    $('detail').focus();
  }

  async function exportCsv() {
    status('Exporting…');
    const answer = await api('api/audit/export?' + filterQuery());
    const blob = await answer.blob();
    const disposition = answer.headers.get('Content-Disposition') || '';
    const name = (/filename="([^"]+)"/.exec(disposition) || [null, 'tether-audit.csv'])[1];
    const url = URL.createObjectURL(blob);
    const a = el('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    status('Exported ' + name + '.');
  }

  // --- A user's timeline, a device's users -----------------------------------------------------

  function openTab(panel) {
    $('tab-' + panel).focus();
    show(panel);
  }

  async function openUser(user) {
    openTab('timeline');
    $('timeline-heading').textContent = 'User ' + user;
    $('timeline-hint').hidden = true;
    $('device-view').hidden = true;
    const [devices, events] = await Promise.all([
      json('api/audit/users/' + encodeURIComponent(user) + '/devices'),
      json('api/audit/events?' + new URLSearchParams({ user, limit: '500' }))]);
    const tokens = events.filter((e) => e.outcome === 'GRANTED' && TYPES.includes(e.type)).length;
    const refusals = events.filter((e) => e.outcome === 'REFUSED').length;
    $('user-counts').textContent = plural(devices.length, 'device') + ', ' + plural(tokens, 'token') + ' granted and '
      + plural(refusals, 'refusal') + ' in the latest ' + plural(events.length, 'event');
    table('table-user-devices', ['Device', 'First seen', 'Last seen', 'Events', 'Tokens'],
      devices.map((d) => el('tr', {}, el('td', {}, deviceLink(d.deviceId)), el('td', {}, d.firstSeen), el('td', {}, d.lastSeen),
        el('td', { class: 'num' }, d.events), el('td', { class: 'num' }, d.tokens))));
    table('table-user-events', ['Time (UTC)', 'Type', 'Outcome', 'Reason', 'Device', 'Content'],
      events.map((e) => el('tr', { 'data-id': e.id }, el('td', {}, e.occurredAt), el('td', {}, e.type), el('td', {}, e.outcome),
        el('td', {}, e.reasonCode || ''), el('td', {}, deviceLink(e.deviceId)), el('td', {}, e.contentId || ''))));
    $('user-view').hidden = false;
    $('timeline-heading').focus();
  }

  async function openDevice(device) {
    openTab('timeline');
    $('timeline-heading').textContent = 'Device ' + device;
    $('timeline-hint').hidden = true;
    $('user-view').hidden = true;
    const users = await json('api/audit/devices/' + encodeURIComponent(device) + '/users');
    $('device-signal').textContent = users.length > 1
      ? users.length + ' users on this device: a sharing signal'
      : users.length + ' user on this device';
    table('table-device-users', ['User', 'First seen', 'Last seen', 'Events', 'Tokens'],
      users.map((u) => el('tr', {}, el('td', {}, userLink(u.userId)), el('td', {}, u.firstSeen), el('td', {}, u.lastSeen),
        el('td', { class: 'num' }, u.events), el('td', { class: 'num' }, u.tokens))));
    $('device-view').hidden = false;
    $('timeline-heading').focus();
  }

  // --- ExpressPlay and the ledger --------------------------------------------------------------

  async function loadStats() {
    const stats = await json('api/expressplay/stats');
    const outcomes = ['SUCCEEDED', 'REFUSED', 'UNAVAILABLE', 'MISBEHAVED', 'MISCONFIGURED', 'TIMED_OUT', 'CIRCUIT_OPEN', 'BULKHEAD_FULL'];
    table('table-stats', ['Endpoint', 'Circuit', 'Calls', 'Attempts', ...outcomes, 'Last stopped by open circuit'],
      Object.entries(stats).map(([name, s]) => el('tr', { 'data-endpoint': name },
        el('th', { scope: 'row' }, name),
        el('td', { class: s.circuit === 'OPEN' ? 'bad' : 'ok' }, s.circuit || ''),
        el('td', { class: 'num' }, s.calls), el('td', { class: 'num' }, s.attempts),
        outcomes.map((o) => el('td', { class: 'num' }, (s.outcomes || {})[o] || 0)),
        el('td', {}, s.lastRejectedByOpenCircuit || 'never'))));
    $('stats-updated').textContent = 'Updated ' + new Date().toISOString().slice(11, 19) + ' UTC.';
  }

  async function loadLedger() {
    const latest = await json('api/audit/checkpoints/latest');
    $('checkpoint').replaceChildren(...(latest
      ? ['seq', 'time', 'keyId', 'hash', 'signature'].flatMap((f) => [el('dt', {}, f), el('dd', { 'data-field': f }, latest[f])])
      : [el('dt', {}, 'none'), el('dd', {}, 'No checkpoint was made yet.')]));
  }

  async function verify() {
    $('ledger-state').textContent = 'Verifying…';
    const r = await json('api/audit/ledger/verify');
    const state = $('ledger-state');
    state.className = 'totals ' + (r.intact ? 'ok' : 'bad');
    state.dataset.intact = String(r.intact);
    state.textContent = r.intact
      ? 'Intact: events ' + r.from + ' to ' + r.to + ' (head ' + r.head + '), ' + r.eventsChecked + ' events and ' + r.checkpointsChecked + ' checkpoints checked.'
      : 'BROKEN at event ' + r.firstBreak.seq + ' (' + r.firstBreak.kind + '): ' + r.firstBreak.detail;
    await loadLedger();
  }

  // --- Start -----------------------------------------------------------------------------------

  function wire() {
    $('sign-in').addEventListener('click', () => signIn().catch(failed));
    $('sign-out').addEventListener('click', () => signOut());
    $('tabs').addEventListener('click', (e) => { const t = e.target.closest('[role=tab]'); if (t) show(t.getAttribute('aria-controls')); });
    $('tabs').addEventListener('keydown', tabKeys);
    $('range').addEventListener('submit', (e) => { e.preventDefault(); loadOverview().catch(failed); });
    document.querySelectorAll('.presets button').forEach((b) => b.addEventListener('click', () => { preset(Number(b.dataset.days)); loadOverview().catch(failed); }));
    ALL_EVENT_TYPES.forEach((t) => $('f-type').append(el('option', { value: t }, t)));
    $('filters').addEventListener('submit', (e) => { e.preventDefault(); firstPage().catch(failed); });
    $('clear').addEventListener('click', () => { $('filters').reset(); });
    $('export').addEventListener('click', () => exportCsv().catch(failed));
    $('next-page').addEventListener('click', () => nextPage().catch(failed));
    $('first-page').addEventListener('click', () => firstPage().catch(failed));
    $('detail-close').addEventListener('click', () => { $('detail').hidden = true; });
    $('verify').addEventListener('click', () => verify().catch(failed));
    document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !$('detail').hidden) $('detail').hidden = true; });
    document.addEventListener('click', (e) => {
      const user = e.target.closest('[data-user]');
      const device = e.target.closest('[data-device]');
      const d = e.target.closest('[data-detail]');
      if (user) openUser(user.dataset.user).catch(failed);
      else if (device) openDevice(device.dataset.device).catch(failed);
      else if (d) detail(Number(d.dataset.detail));
    });
    window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
    preset(30);
  }

  async function start() {
    wire();
    const answer = await fetch(new URL('api/console/config', API));
    session.config = await answer.json();
    if (!session.config.configured) {
      $('sign-in').disabled = true;
      status('The console is not configured: set tether.console.authorize-url and tether.console.token-url.');
      return;
    }
    const params = new URLSearchParams(location.search);
    if (params.has('code') || params.has('error')) {
      try {
        await completeSignIn(params);
      } catch (e) {
        showSignedOut();
        status(e.message);
        return;
      }
      showSignedIn();
      return;
    }
    showSignedOut();
  }

  document.addEventListener('DOMContentLoaded', () => start().catch((e) => status(e.message)));
}());
