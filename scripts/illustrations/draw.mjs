// Draws the annotated portal illustrations of the Office 365 guide.
// node scripts/illustrations/draw.mjs static/img/illustrations -> writes v1/*.svg (Azure portal) and v2/*.svg (Entra admin center)
import fs from 'node:fs';
import path from 'node:path';
import {C, text, rect, line, vline, button, commandBar, checkbox, radio, input, copyIcon, tick, mark, highlight, callout, svgDoc, textWidth} from './lib.mjs';

const W = 800;
const TENANT = 'Contoso';
const APP = 'Scanner - read-only';
const CLIENT_ID = '8c3f0a0e-5b7d-4e52-9d2a-0c6f1f4b7a21';
const TENANT_ID = '4b1c2d3e-7a8f-4e6d-9c0b-5a4f3e2d1c0b';
const OBJECT_ID = '2d9b6e44-0f1a-4c3e-8b57-6a0d3e9c1f08';
const SEVEN = ['AuditLog.Read.All', 'Directory.Read.All', 'Files.Read.All', 'Group.Read.All', 'Reports.Read.All', 'Sites.Read.All', 'User.Read.All'];

// ---------------------------------------------------------------- chrome
function header(portal) {
  if (portal === 'entra') {
    let s = rect(0, 0, W, 44, {fill: '#ffffff'}) + line(0, 44, W, 44, C.line);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) s += rect(16 + i * 6, 14 + j * 6, 4, 4, {fill: C.text});
    s += text(44, 28, 'Microsoft Entra admin center', {size: 16, weight: 600});
    s += rect(300, 8, 250, 28, {rx: 4, fill: C.navBg, stroke: C.line}) + text(312, 27, 'Search resources, services…', {fill: C.muted, size: 14});
    s += text(W - 52, 20, 'admin@contoso.com', {size: 14, anchor: 'end'}) + text(W - 52, 36, 'CONTOSO', {size: 14, anchor: 'end', fill: C.muted});
    s += `<circle cx="${W - 26}" cy="22" r="14" fill="${C.brand}"/>` + text(W - 26, 27, 'AD', {size: 14, fill: '#fff', anchor: 'middle', weight: 700});
    return s;
  }
  let s = rect(0, 0, W, 44, {fill: '#1b2a41'});
  s += text(16, 28, 'Microsoft Azure', {size: 16, weight: 600, fill: '#fff'});
  s += rect(250, 8, 290, 28, {rx: 4, fill: '#ffffff'}) + text(262, 27, 'Search resources, services, and docs', {fill: C.muted, size: 14});
  s += text(W - 52, 20, 'admin@contoso.com', {size: 14, anchor: 'end', fill: '#fff'}) + text(W - 52, 36, 'CONTOSO', {size: 14, anchor: 'end', fill: '#dde3ea'});
  s += `<circle cx="${W - 26}" cy="22" r="14" fill="#fff"/>` + text(W - 26, 27, 'AD', {size: 14, fill: '#1b2a41', anchor: 'middle', weight: 700});
  return s;
}
function crumbs(items, y = 66) {
  return text(20, y, items.join('  ›  '), {size: 14, fill: C.link});
}
function title(s, y = 98, sub) {
  return text(20, y, s, {size: 22, weight: 600}) + (sub ? text(20, y + 20, sub, {size: 14, fill: C.muted}) : '');
}
function navItem(x, y, w, label, o = {}) {
  let s = '';
  if (o.selected) s += rect(x, y, w, 28, {fill: C.selBg}) + rect(x, y, 3, 28, {fill: C.brand});
  if (o.section) return s + text(x + 12 + (o.indent ?? 0), y + 19, label, {size: 14, weight: 700, fill: C.muted});
  return s + text(x + 14 + (o.indent ?? 0), y + 19, label, {weight: o.selected || o.bold ? 600 : 400});
}
const APP_MENU = ['Overview', 'Quickstart', 'Integration assistant', '#Manage', 'Branding & properties', 'Authentication', 'Certificates & secrets', 'Token configuration', 'API permissions', 'Expose an API', 'App roles', 'Owners', 'Manifest'];
/** The app registration's own menu on the left; returns {svg, boxes}. */
function appMenu(selected, top, bottom) {
  let s = rect(0, top, 200, bottom - top, {fill: C.navBg}) + vline(200, top, bottom);
  const boxes = {};
  let y = top + 8;
  for (const item of APP_MENU) {
    if (y + 28 > bottom - 24) break;
    const section = item.startsWith('#');
    const label = section ? item.slice(1) : item;
    s += navItem(0, y, 200, label, {selected: label === selected, section});
    boxes[label] = {x: 4, y, w: 192, h: 28};
    y += 28;
  }
  return {svg: s, boxes};
}
function appPage(portal, h, selected, blade) {
  const top = 128;
  const menu = appMenu(selected, top, h);
  const base = portal === 'entra' ? ['Home', 'App registrations', APP] : ['Home', `${TENANT} | App registrations`, APP];
  return {
    svg: header(portal) + crumbs(base) + title(`${APP} | ${blade}`, 98) + line(0, top, W, top, C.line) + menu.svg,
    menu: menu.boxes,
    top,
  };
}
/** A side panel sliding over the page from the right. */
function panel(x, top, h, heading) {
  return rect(x - 6, top, W - x + 6, h - top, {fill: C.panelShadow}) + rect(x, top, W - x, h - top, {fill: '#fff'}) + vline(x, top, h, C.border) +
    text(x + 20, top + 32, heading, {size: 20, weight: 600}) + text(W - 24, top + 32, '✕', {size: 16, anchor: 'end', fill: C.muted});
}
function sectionLabel(x, y, s) { return text(x, y, s, {size: 16, weight: 600}); }
function wrap(x, y, s, maxW, o = {}) { return wrapped(x, y, s, maxW, o).svg; }
/** Wrapped text; returns the svg and the height the lines take. */
function wrapped(x, y, s, maxW, o = {}) {
  const size = o.size ?? 14;
  const words = s.split(' ');
  const lines = [];
  let cur = '';
  for (const w of words) {
    const next = cur ? `${cur} ${w}` : w;
    if (textWidth(next, size) > maxW && cur) { lines.push(cur); cur = w; } else cur = next;
  }
  if (cur) lines.push(cur);
  return {svg: lines.map((l, i) => text(x, y + i * (size + 6), l, o)).join(''), height: lines.length * (size + 6)};
}

// ---------------------------------------------------------------- screens
function appRegistrations(portal) {
  const h = portal === 'entra' ? 430 : 480;
  let s = header(portal);
  const marks = [];
  if (portal === 'entra') {
    // Global left navigation of the Entra admin center, as it is today: Entra ID > App registrations
    // (formerly Identity > Applications > App registrations), next to Entra ID > Enterprise apps.
    s += rect(0, 45, 230, h - 45, {fill: C.navBg}) + vline(230, 45, h);
    const nav = [['Home', 0], ['Favorites', 0, '›'], ['Entra ID', 0, '⌄', true], ['Overview', 1], ['Users', 1], ['Groups', 1], ['Devices', 1], ['Enterprise apps', 1], ['App registrations', 1], ['Roles & admins', 1], ['ID Protection', 0, '›'], ['ID Governance', 0, '›'], ['Learn & support', 0, '›']];
    let y = 54;
    for (const [label, level, chevron, bold] of nav) {
      const sel = label === 'App registrations';
      s += navItem(0, y, 230, label, {selected: sel, indent: level * 16, bold});
      if (chevron) s += text(214, y + 19, chevron, {anchor: 'end', fill: C.muted});
      if (sel) marks.push(mark(1, {x: 4, y, w: 222, h: 28}, 'inside', 2));
      y += 28;
    }
    s += text(250, 66, 'Home  ›', {size: 14, fill: C.link}) + text(250, 98, 'App registrations', {size: 22, weight: 600});
    const bar = commandBar(246, 116, [['+', 'New registration', 40], ['', 'Endpoints'], ['', 'Troubleshooting'], ['↻', 'Refresh']]);
    s += bar.svg + line(230, 152, W, 152, C.line);
    marks.push(mark(2, bar.boxes[0], 'right', 3));
    s += listOfApps(250, 168);
  } else {
    s += crumbs(['Home', TENANT]) + title(`${TENANT} | App registrations`, 98, 'Azure Active Directory');
    const top = 132;
    s += line(0, top, W, top, C.line) + rect(0, top, 220, h - top, {fill: C.navBg}) + vline(220, top, h);
    const nav = [['Overview'], ['Diagnose and solve problems'], ['#Manage'], ['Users'], ['Groups'], ['External Identities'], ['Roles and administrators'], ['Enterprise applications'], ['Devices'], ['App registrations'], ['Identity Governance']];
    let y = top + 8;
    for (const [item] of nav) {
      const section = item.startsWith('#');
      const label = section ? item.slice(1) : item;
      const sel = label === 'App registrations';
      s += navItem(0, y, 220, label, {selected: sel, section});
      if (sel) marks.push(mark(1, {x: 4, y, w: 212, h: 28}, 'inside', 2));
      y += 28;
    }
    const bar = commandBar(236, 142, [['+', 'New registration', 40], ['', 'Endpoints'], ['', 'Troubleshooting'], ['↻', 'Refresh']]);
    s += bar.svg + line(220, 178, W, 178, C.line);
    marks.push(mark(2, bar.boxes[0], 'right', 3));
    s += listOfApps(240, 200);
  }
  const place = portal === 'entra' ? 'the Microsoft Entra admin center' : 'the Azure portal';
  return {
    h,
    title: `Illustration: App registrations in ${place}`,
    desc: portal === 'entra'
      ? 'Left menu: Entra ID, App registrations is selected (callout 1), under Enterprise apps. The New registration button at the top of the App registrations page is highlighted (callout 2).'
      : 'Azure Active Directory blade of the Contoso tenant: App registrations is selected in its menu (callout 1), and the New registration button is highlighted (callout 2).',
    body: s + marks.join(''),
  };
}
function listOfApps(x, y) {
  let s = '';
  const tabs = ['All applications', 'Owned applications', 'Deleted applications'];
  let tx = x;
  tabs.forEach((t, i) => {
    s += text(tx, y + 18, t, {weight: i === 0 ? 600 : 400});
    if (i === 0) s += rect(tx, y + 26, textWidth(t, 14, true), 3, {fill: C.brand});
    tx += textWidth(t, 14, i === 0) + 28;
  });
  s += line(x, y + 30, W - 20, y + 30, C.line);
  s += input(x, y + 44, W - 20 - x, 'Start typing a display name or client ID', {placeholder: true});
  const ty = y + 100;
  s += text(x, ty, 'Display name', {weight: 600}) + text(x + 210, ty, 'Application (client) ID', {weight: 600});
  s += line(x, ty + 10, W - 20, ty + 10, C.line);
  const rows = [['HR portal', '1f0e6a52-…'], ['Intranet search', '9b7c3d10-…']];
  rows.forEach(([n, id], i) => {
    const ry = ty + 36 + i * 32;
    s += text(x, ry, n, {fill: C.link}) + text(x + 210, ry, id, {mono: true, fill: C.muted}) + line(x, ry + 12, W - 20, ry + 12, C.line);
  });
  return s;
}

function registerApplication(portal) {
  const h = 590;
  const entra = portal === 'entra';
  let s = header(portal) + crumbs(entra ? ['Home', 'App registrations'] : ['Home', TENANT, 'App registrations']) + title('Register an application');
  s += line(0, 116, W, 116, C.line);
  const x = 24;
  let y = 146;
  s += text(x, y, '* Name', {weight: 600});
  s += text(x, y + 22, 'The user-facing display name for this application (this can be changed later).', {size: 14, fill: C.muted});
  const name = {x, y: y + 34, w: 360, h: 32};
  s += input(name.x, name.y, name.w, APP);
  const marks = [mark(1, name, 'right', 4)];
  y += 100;
  s += sectionLabel(x, y, 'Supported account types');
  s += text(x, y + 24, 'Who can use this application or access this API?', {size: 14, fill: C.muted});
  const options = entra
    ? [`Accounts in this organizational directory only (${TENANT} only - Single tenant)`, 'Accounts in any organizational directory (Any Microsoft Entra ID tenant - Multitenant)', 'Any Microsoft Entra ID tenant - Multitenant, and personal Microsoft accounts', 'Personal Microsoft accounts only']
    : [`Accounts in this organizational directory only (${TENANT} only - Single tenant)`, 'Accounts in any organizational directory (Any Azure AD directory - Multitenant)', 'Any Azure AD directory - Multitenant, and personal Microsoft accounts', 'Personal Microsoft accounts only'];
  y += 40;
  options.forEach((o, i) => {
    s += radio(x, y + i * 30, i === 0) + text(x + 26, y + i * 30 + 13, o, {weight: i === 0 ? 600 : 400});
  });
  marks.push(mark(2, {x: x - 2, y: y - 6, w: textWidth(options[0], 14, true) + 32, h: 28}, 'right', 3));
  y += 4 * 30 + 26;
  s += sectionLabel(x, y, 'Redirect URI (optional)');
  s += text(x, y + 24, 'Leave empty: the scanner does not sign users in.', {size: 14, fill: C.muted});
  s += input(x, y + 36, 180, 'Select a platform', {placeholder: true}) + input(x + 192, y + 36, 330, 'e.g. https://example.com/auth', {placeholder: true});
  const barY = h - 62;
  s += line(0, barY, W, barY, C.line);
  const reg = {x, y: barY + 14, w: 100, h: 32};
  s += button(reg.x, reg.y, 'Register', {primary: true, w: reg.w});
  marks.push(mark(3, reg, 'right', 4));
  return {
    h,
    title: 'Illustration: the Register an application form',
    desc: `Name field filled with ${APP} (callout 1); Supported account types set to Accounts in this organizational directory only, ${TENANT} only, Single tenant (callout 2); Redirect URI left empty; Register button (callout 3).`,
    body: s + marks.join(''),
  };
}

function configuredTable(x, y, rows, o = {}) {
  // rows: [group, [[name, type, consentRequired, status]...]]
  const cols = o.cols ?? [0, 172, 268, 386];
  let s = '';
  const heads = ['API / Permissions name', 'Type', 'Admin consent', 'Status'];
  heads.forEach((hd, i) => { s += text(x + cols[i], y, hd, {weight: 600, size: 14}); });
  s += line(x, y + 10, W - 16, y + 10, C.border);
  let ry = y + 34;
  const statusBoxes = [];
  for (const [group, items] of rows) {
    s += text(x, ry, `⌄ ${group} (${items.length})`, {weight: 600, fill: C.link});
    ry += 26;
    for (const [name, type, consent, status] of items) {
      s += text(x + 16, ry, name, {fill: C.link}) + text(x + cols[1], ry, type) + text(x + cols[2], ry, consent);
      if (status === 'granted') {
        s += tick(x + cols[3], ry - 6) + text(x + cols[3] + 18, ry, `Granted for ${TENANT}`, {fill: C.ok, weight: 600});
        statusBoxes.push({x: x + cols[3] - 4, y: ry - 16, w: 172, h: 22});
      } else if (status === 'not') {
        s += text(x + cols[3], ry, `⚠ Not granted for ${TENANT}`, {fill: '#8a4b00'});
      }
      s += line(x, ry + 9, W - 16, ry + 9, C.line);
      ry += 26;
    }
  }
  return {svg: s, statusBoxes, bottom: ry};
}

function apiPermissionsBase(portal, h) {
  const page = appPage(portal, h, 'API permissions', 'API permissions');
  let s = page.svg;
  const x = 220;
  let y = page.top + 36;
  s += sectionLabel(x, y, 'Configured permissions');
  s += wrap(x, y + 24, 'Applications are authorized to call APIs when they are granted permissions by users or admins as part of the consent process.', W - x - 30, {size: 14, fill: C.muted});
  y += 64;
  const add = {x, y, w: textWidth('+ Add a permission', 14, true) + 16, h: 30};
  s += text(x + 4, y + 20, '+', {fill: C.brand, size: 16, weight: 700}) + text(x + 22, y + 20, 'Add a permission');
  const grantLabel = `Grant admin consent for ${TENANT}`;
  const grant = {x: x + add.w + 48, y, w: textWidth(grantLabel) + 36, h: 30};
  s += text(grant.x + 4, y + 20, '✓', {fill: C.brand, size: 16, weight: 700}) + text(grant.x + 26, y + 20, grantLabel);
  return {s, page, add, grant, tableY: y + 60, menu: page.menu};
}

function addPermission(portal) {
  const h = 530;
  const base = apiPermissionsBase(portal, h);
  let s = base.s;
  const defaults = portal === 'entra'
    ? [['Microsoft Graph', [['User.Read', 'Delegated', 'No', 'not']]]]
    : [['Microsoft Graph', [['User.Read', 'Delegated', 'No', 'not']]]];
  s += configuredTable(220, base.tableY, defaults).svg;
  const marks = [mark(1, base.menu['API permissions'], 'inside', 2), mark(2, base.add, 'right', 3)];
  // Request API permissions panel
  const px = 430;
  s += panel(px, base.page.top, h, 'Request API permissions');
  let y = base.page.top + 62;
  s += text(px + 20, y, 'Select an API', {size: 16, weight: 600});
  y += 28;
  const tabs = ['Microsoft APIs', 'APIs my organization uses'];
  s += text(px + 20, y, tabs[0], {weight: 600}) + rect(px + 20, y + 8, textWidth(tabs[0], 14, true), 3, {fill: C.brand}) + text(px + 40 + textWidth(tabs[0], 14, true), y, tabs[1]);
  y += 34;
  s += text(px + 20, y, 'Commonly used Microsoft APIs', {size: 14, weight: 600, fill: C.muted});
  y += 14;
  const tile = {x: px + 20, y, w: W - px - 44, h: 100};
  s += rect(tile.x, tile.y, tile.w, tile.h, {rx: 4, fill: '#fff', stroke: C.border});
  s += graphLogo(tile.x + 14, tile.y + 14) + text(tile.x + 60, tile.y + 32, 'Microsoft Graph', {size: 16, weight: 600});
  s += wrap(tile.x + 60, tile.y + 54, 'Microsoft 365 data through one endpoint: users, groups, files, sites, reports.', tile.w - 74, {size: 14, fill: C.muted});
  marks.push(mark(3, tile, 'inner', 3));
  y += tile.h + 18;
  if (portal === 'azure') {
    s += text(px + 20, y + 6, 'Supported legacy APIs', {size: 14, weight: 600, fill: C.muted});
    s += rect(px + 20, y + 16, tile.w, 44, {rx: 4, fill: '#fff', stroke: C.border}) + text(px + 34, y + 44, 'Azure Active Directory Graph', {weight: 600});
  } else {
    const others = ['Azure Rights Management Services', 'Dynamics 365 Business Central'];
    others.forEach((o, i) => { s += rect(px + 20, y + i * 52, tile.w, 44, {rx: 4, fill: '#fff', stroke: C.border}) + text(px + 34, y + i * 52 + 27, o, {weight: 600}); });
  }
  return {
    h,
    title: 'Illustration: Add a permission on the API permissions page',
    desc: `The app ${APP} with API permissions selected in its menu (callout 1), the Add a permission button (callout 2), and the Request API permissions panel where the Microsoft Graph tile is highlighted (callout 3).` + (portal === 'azure' ? ' Azure Active Directory Graph appears below, under Supported legacy APIs.' : ''),
    body: s + marks.join(''),
  };
}
function legacyLogo(x, y) {
  // A neutral glyph for the legacy API (not Microsoft's logo): a rounded square with a pyramid.
  return rect(x, y, 34, 34, {rx: 6, fill: '#e8e6e4'}) +
    `<path d="M${x + 17} ${y + 7}L${x + 28} ${y + 26}H${x + 6}Z" fill="none" stroke="${C.muted}" stroke-width="2"/>`;
}
function graphLogo(x, y) {
  // A simple neutral API glyph (not Microsoft's logo): a rounded square with a node graph.
  return rect(x, y, 34, 34, {rx: 6, fill: C.selBg}) +
    `<path d="M${x + 10} ${y + 24}L${x + 17} ${y + 11}L${x + 25} ${y + 23}Z" fill="none" stroke="${C.brand}" stroke-width="2"/>` +
    [[10, 24], [17, 11], [25, 23]].map(([a, b]) => `<circle cx="${x + a}" cy="${y + b}" r="3.5" fill="${C.brand}"/>`).join('');
}

function permissionPicker(portal, api) {
  const h = 620;
  const graph = api === 'graph';
  let s = header(portal) + crumbs(portal === 'entra' ? ['Home', 'App registrations', APP] : ['Home', TENANT, 'App registrations', APP]);
  // Page behind, reduced to the app menu.
  const top = 80;
  s += rect(0, top, 150, h - top, {fill: C.navBg}) + text(14, top + 30, 'API permissions', {weight: 600, fill: C.muted});
  const px = 150;
  s += panel(px, top, h, 'Request API permissions');
  let y = top + 60;
  s += text(px + 20, y, '‹ All APIs', {fill: C.link});
  y += 30;
  s += (graph ? graphLogo(px + 20, y - 6) : legacyLogo(px + 20, y - 6)) + text(px + 66, y + 8, graph ? 'Microsoft Graph' : 'Azure Active Directory Graph', {size: 16, weight: 600});
  s += text(px + 66, y + 28, graph ? 'https://graph.microsoft.com/' : 'https://graph.windows.net/', {size: 14, fill: C.muted});
  y += 56;
  s += text(px + 20, y, 'What type of permissions does your application require?', {weight: 600});
  y += 14;
  const bw = (W - px - 56) / 2;
  const boxes = [
    ['Delegated permissions', 'Your application needs to access the API as the signed-in user.'],
    ['Application permissions', 'Your application runs as a background service or daemon without a signed-in user.'],
  ];
  const chosen = graph ? 1 : 0;
  const marks = [];
  boxes.forEach(([t, d], i) => {
    const b = {x: px + 20 + i * (bw + 16), y, w: bw, h: 100};
    s += rect(b.x, b.y, b.w, b.h, {rx: 4, fill: i === chosen ? C.selBg : '#fff', stroke: i === chosen ? C.brand : C.border, sw: i === chosen ? 2 : 1});
    s += text(b.x + 12, b.y + 24, t, {weight: 600}) + wrap(b.x + 12, b.y + 48, d, b.w - 24, {size: 14, fill: C.muted});
    if (i === chosen) marks.push(mark(1, b, 'inner', 4));
  });
  y += 134;
  s += text(px + 20, y, 'Select permissions', {weight: 600}) + text(W - 24, y, 'expand all', {fill: C.link, anchor: 'end'});
  y += 14;
  const search = {x: px + 20, y, w: 300, h: 32};
  const needle = graph ? 'User.Read.All' : 'User.Read';
  s += input(search.x, search.y, search.w, needle);
  if (graph) marks.push(mark(2, search, 'right', 4));
  y += 56;
  s += text(px + 20, y, 'Permission', {weight: 600, size: 14}) + text(W - 190, y, 'Admin consent required', {weight: 600, size: 14});
  s += line(px + 20, y + 10, W - 20, y + 10, C.border);
  y += 34;
  s += text(px + 20, y, '⌄ User (1)', {weight: 600});
  y += 30;
  const row = {x: px + 30, y: y - 16, w: W - px - 60, h: 42};
  s += checkbox(px + 36, y - 12, true);
  s += text(px + 62, y, needle, {weight: 600});
  s += text(px + 62, y + 20, graph ? "Read all users' full profiles" : 'Sign in and read user profile', {size: 14, fill: C.muted});
  s += text(W - 190, y, graph ? 'Yes' : 'No');
  marks.push(mark(graph ? 3 : 2, row, 'inner', 2));
  const barY = h - 58;
  s += line(px, barY, W, barY, C.line);
  const add = {x: px + 20, y: barY + 12, w: 150, h: 32};
  s += button(add.x, add.y, 'Add permissions', {primary: true, w: add.w}) + button(add.x + add.w + 56, barY + 12, 'Discard', {w: 90});
  marks.push(mark(graph ? 4 : 3, add, 'right', 4));
  return {
    h,
    title: graph
      ? 'Illustration: choosing Microsoft Graph application permissions'
      : 'Illustration: choosing the Azure Active Directory Graph delegated User.Read permission',
    desc: graph
      ? 'Request API permissions panel for Microsoft Graph: Application permissions selected (callout 1), User.Read.All typed in the search box (callout 2), the User.Read.All check box ticked (callout 3) and the Add permissions button (callout 4).'
      : 'Request API permissions panel for Azure Active Directory Graph: Delegated permissions selected (callout 1), User.Read ticked under User (callout 2), and the Add permissions button (callout 3).',
    body: s + marks.join(''),
  };
}

function grantConsent(portal) {
  const legacy = portal === 'azure';
  const graphRows = (legacy ? SEVEN : [...SEVEN.slice(0, 6), 'User.Read', 'User.Read.All'])
    .map((p) => [p, p === 'User.Read' ? 'Delegated' : 'Application', p === 'User.Read' ? 'No' : 'Yes', 'granted']);
  const groups = legacy ? [['Azure Active Directory Graph', [['User.Read', 'Delegated', 'No', 'granted']]], ['Microsoft Graph', graphRows]] : [['Microsoft Graph', graphRows]];
  const rowCount = groups.reduce((n, [, r]) => n + r.length + 1, 0);
  const h = 128 + 36 + 64 + 60 + 34 + rowCount * 26 + 30;
  const base = apiPermissionsBase(portal, h);
  let s = base.s;
  const table = configuredTable(220, base.tableY, groups);
  s += table.svg;
  const first = table.statusBoxes[0];
  const last = table.statusBoxes[table.statusBoxes.length - 1];
  const statusCol = {x: first.x, y: first.y, w: first.w, h: last.y + last.h - first.y};
  const marks = [mark(1, base.grant, 'right', 3), highlight(statusCol, 4) + callout(2, statusCol.x - 22, statusCol.y + 8)];
  return {
    h,
    title: `Illustration: Grant admin consent for ${TENANT}`,
    desc: `Configured permissions of ${APP}: ` + (legacy ? 'Azure Active Directory Graph User.Read (Delegated) and the seven Microsoft Graph application permissions' : 'the seven Microsoft Graph application permissions and the delegated User.Read') + `. The Grant admin consent for ${TENANT} button is highlighted (callout 1); the Status column shows Granted for ${TENANT} with a green tick on every row (callout 2).`,
    body: s + marks.join(''),
  };
}

function overviewIds(portal) {
  const h = 480;
  const page = appPage(portal, h, 'Overview', 'Overview');
  let s = page.svg.replace(`${APP} | Overview`, APP);
  const x = 220;
  let y = page.top + 20;
  const bar = commandBar(x - 4, y - 8, [['', 'Endpoints'], ['', 'Preview features']]);
  s += bar.svg;
  y += 46;
  s += text(x, y, '⌄ Essentials', {weight: 600});
  y += 14;
  s += line(x, y, W - 20, y, C.line);
  const rows = [
    ['Display name', APP, 'link'],
    ['Application (client) ID', CLIENT_ID, 'id1'],
    ['Object ID', OBJECT_ID, 'plain'],
    ['Directory (tenant) ID', TENANT_ID, 'id2'],
    ['Supported account types', 'My organization only', 'link'],
    ['Client credentials', 'Add a certificate or secret', 'link'],
  ];
  const marks = [];
  y += 30;
  for (const [k, v, kind] of rows) {
    s += text(x, y, k, {fill: C.muted});
    const vx = x + 190;
    if (kind === 'link') s += text(vx, y, v, {fill: C.link});
    else {
      s += text(vx, y, v, {mono: true, size: 14});
      if (kind !== 'plain') {
        s += copyIcon(vx + 318, y - 13);
        const b = {x: x - 4, y: y - 19, w: 536, h: 28};
        marks.push(mark(kind === 'id1' ? 1 : 2, b, 'right', 2));
      }
    }
    y += 40;
  }
  return {
    h,
    title: 'Illustration: the application and tenant IDs on the Overview page',
    desc: `Overview of ${APP}, Essentials section: Application (client) ID ${CLIENT_ID} (callout 1) and Directory (tenant) ID ${TENANT_ID} (callout 2), each with a copy icon. The Object ID between them is not the value to use.`,
    body: s + marks.join(''),
  };
}

function credentialsPage(portal, h, tab, o = {}) {
  const page = appPage(portal, h, 'Certificates & secrets', 'Certificates & secrets');
  let s = page.svg;
  const x = 220;
  let y = page.top + 28;
  const intro = wrapped(x, y, 'Credentials let the app prove its identity when it requests tokens.', (o.maxX ?? W - 24) - x, {size: 14, fill: C.muted});
  s += intro.svg;
  y += intro.height + 22;
  const tabs = tab === 'certificates' ? ['Certificates (0)', 'Client secrets (0)', 'Federated credentials (0)'] : ['Certificates (0)', 'Client secrets (1)', 'Federated credentials (0)'];
  const sel = tab === 'certificates' ? 0 : 1;
  let tx = x;
  const tabBoxes = [];
  tabs.forEach((t, i) => {
    const w = textWidth(t, 14, i === sel);
    s += text(tx, y, t, {weight: i === sel ? 600 : 400});
    if (i === sel) s += rect(tx, y + 8, w, 3, {fill: C.brand});
    tabBoxes.push({x: tx, y: y - 16, w, h: 26});
    tx += w + (o.tabGap ?? 26);
  });
  s += line(x, y + 11, W - 16, y + 11, C.line);
  return {s, page, x, y: y + 11, tabBoxes};
}

function uploadCertificate() {
  const h = 500;
  const base = credentialsPage('entra', h, 'certificates', {tabGap: 56, maxX: 460});
  let s = base.s;
  const x = base.x;
  let y = base.y + 30;
  const up = {x, y: y - 20, w: textWidth('Upload certificate') + 30, h: 30};
  s += text(x + 4, y, '↑', {fill: C.brand, size: 16, weight: 700}) + text(x + 24, y, 'Upload certificate');
  y += 34;
  s += text(x, y, 'Thumbprint', {weight: 600, size: 14}) + text(x + 120, y, 'Description', {weight: 600, size: 14});
  s += line(x, y + 10, 470, y + 10, C.line);
  s += wrap(x, y + 36, 'No certificates have been added for this application.', 240, {size: 14, fill: C.muted});
  const marks = [mark(1, base.tabBoxes[0], 'right', 4), mark(2, up, 'right', 2)];
  const px = 480;
  s += panel(px, base.page.top, h, 'Upload certificate');
  let py = base.page.top + 66;
  const info = wrapped(px + 20, py, 'Upload a certificate (public key) with one of the following file types: .cer, .pem, .crt', W - px - 44, {size: 14});
  s += info.svg;
  py += info.height + 20;
  s += text(px + 20, py, '* Select a file', {weight: 600});
  const file = {x: px + 20, y: py + 10, w: W - px - 60, h: 32};
  s += input(file.x, file.y, file.w, 'scanner-read-only.crt');
  marks.push(mark(3, file, 'inner', 3));
  py += 84;
  s += text(px + 20, py, 'Description', {weight: 600}) + input(px + 20, py + 10, W - px - 60, 'Scanner, expires 2026-06');
  const barY = h - 58;
  s += line(px, barY, W, barY, C.line);
  const add = {x: px + 20, y: barY + 12, w: 70, h: 32};
  s += button(add.x, add.y, 'Add', {primary: true, w: add.w}) + button(add.x + add.w + 56, barY + 12, 'Cancel', {w: 84});
  marks.push(mark(4, add, 'right', 4));
  return {
    h,
    title: 'Illustration: uploading a certificate under Certificates & secrets',
    desc: `Certificates & secrets of ${APP}: the Certificates tab (callout 1), the Upload certificate button (callout 2), and the Upload certificate panel with the public key file scanner-read-only.crt selected (callout 3) and the Add button (callout 4). Accepted file types: .cer, .pem, .crt.`,
    body: s + marks.join(''),
  };
}

function newClientSecret(portal) {
  const h = 500;
  const entra = portal === 'entra';
  let s;
  let x;
  let y;
  const marks = [];
  if (entra) {
    const base = credentialsPage(portal, h, 'secrets');
    s = base.s; x = base.x; y = base.y + 30;
  } else {
    const page = appPage(portal, h, 'Certificates & secrets', 'Certificates & secrets');
    s = page.svg; x = 220; y = page.top + 34;
    s += sectionLabel(x, y, 'Client secrets');
    y += 30;
  }
  const intro = wrapped(x, y, 'A secret string that the application uses to prove its identity when requesting a token.', W - x - 24, {size: 14, fill: C.muted});
  s += intro.svg;
  y += intro.height + 24;
  const nb = {x, y: y - 20, w: textWidth('New client secret') + 30, h: 30};
  s += text(x + 4, y, '+', {fill: C.brand, size: 16, weight: 700}) + text(x + 24, y, 'New client secret');
  marks.push(mark(1, nb, 'right', 2));
  y += 26;
  // Notice shown right after creation.
  s += rect(x, y, W - x - 16, 40, {rx: 4, fill: '#fff4ce', stroke: '#c19c00'});
  s += text(x + 12, y + 25, 'The value can be copied only now. It is hidden for good once you leave this page.', {size: 14});
  y += 66;
  const cols = [0, 100, 190, 400];
  ['Description', 'Expires', 'Value', 'Secret ID'].forEach((c, i) => { s += text(x + cols[i], y, c, {weight: 600, size: 14}); });
  s += line(x, y + 10, W - 16, y + 10, C.border);
  y += 36;
  s += text(x + cols[0], y, 'Scanner') + text(x + cols[1], y, '6/1/2026');
  s += text(x + cols[2], y, 'Q7v8Q~Example…', {mono: true, size: 14}) + copyIcon(x + cols[2] + 150, y - 13);
  s += text(x + cols[3], y, '5e1d0b7c-…', {mono: true, size: 14, fill: C.muted}) + copyIcon(x + cols[3] + 96, y - 13);
  s += line(x, y + 12, W - 16, y + 12, C.line);
  const val = {x: x + cols[2] - 6, y: y - 20, w: 180, h: 30};
  marks.push(mark(2, val, 'bottom', 3));
  s += text(x + cols[3], y + 34, 'Secret ID: not the value', {size: 14, fill: C.muted, italic: true});
  return {
    h,
    title: 'Illustration: creating a client secret and copying its value',
    desc: `Certificates & secrets of ${APP}: the New client secret button (callout 1); the new secret Scanner, expiring 6/1/2026, with its Value and a copy icon highlighted (callout 2). The Secret ID next to it is not the value to copy. A notice says the value can be copied only now.`,
    body: s + marks.join(''),
  };
}

// ---------------------------------------------------------------- output
const SETS = {
  v1: {
    '01-app-registrations': () => appRegistrations('azure'),
    '02-register-an-application': () => registerApplication('azure'),
    '03-add-a-permission': () => addPermission('azure'),
    '04-application-permissions': () => permissionPicker('azure', 'graph'),
    '05-azure-ad-graph-user-read': () => permissionPicker('azure', 'aadgraph'),
    '06-grant-admin-consent': () => grantConsent('azure'),
    '07-overview-ids': () => overviewIds('azure'),
    '08-new-client-secret': () => newClientSecret('azure'),
  },
  v2: {
    '01-app-registrations': () => appRegistrations('entra'),
    '02-register-an-application': () => registerApplication('entra'),
    '03-add-a-permission': () => addPermission('entra'),
    '04-application-permissions': () => permissionPicker('entra', 'graph'),
    '05-grant-admin-consent': () => grantConsent('entra'),
    '06-overview-ids': () => overviewIds('entra'),
    '07-upload-certificate': () => uploadCertificate(),
    '08-new-client-secret': () => newClientSecret('entra'),
  },
};
const out = process.argv[2] ?? '.';
for (const [set, files] of Object.entries(SETS)) {
  fs.mkdirSync(path.join(out, set), {recursive: true});
  for (const [name, draw] of Object.entries(files)) {
    const d = draw();
    const svg = svgDoc({h: d.h, title: d.title, desc: d.desc, body: d.body});
    fs.writeFileSync(path.join(out, set, `${name}.svg`), svg);
    console.log(set, name, svg.length);
  }
}
