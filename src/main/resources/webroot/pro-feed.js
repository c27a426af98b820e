// "Mon calendrier" (issue 14): the private iCalendar feed (its address shown once, copied, renewed: the old one then
// stops working), what it shows of patients, an .ics file imported or the professional's own calendar subscribed to,
// with the last fetch's result.
import { get, post, api, sendText, query, showProblem } from './api.js';
import { h, field, section, alertBox, uid } from './dom.js';
import * as fmt from './format.js';

export function render(main, session) {
  const professionalId = session.account.professionalId;
  main.replaceChildren(h('h1', {}, 'Mon calendrier'));
  if (!professionalId) {
    main.append(h('p', {}, "Ce compte n'est lié à aucune fiche de professionnel : demandez à la coordination de la CPTS de la relier."));
    return null;
  }
  get(`/api/v1/professionals/${professionalId}`).then((pro) => {
    main.append(feedSection(professionalId), privacySection(professionalId), importSection(pro), subscriptionSection(pro));
  }, (error) => { const box = alertBox(); main.append(box); showProblem(box, error); });
  return null;
}

function feedSection(professionalId) {
  const url = h('input', { readonly: true, name: 'feedUrl', size: 60, class: 'wide' });
  const urlField = field('Adresse à copier dans votre agenda', url,
    "Montrée une seule fois : notez-la ou copiez-la maintenant. Ne la partagez pas, elle donne accès à votre agenda.");
  urlField.hidden = true;
  const status = h('p', { role: 'status', class: 'done' });
  const problem = alertBox();
  const copy = h('button', { type: 'button', class: 'secondary', hidden: true }, "Copier l'adresse");
  const issue = h('button', { type: 'button' }, "Créer ou renouveler l'adresse");
  const revoke = h('button', { type: 'button', class: 'secondary' }, 'Désactiver le flux');
  issue.addEventListener('click', async () => {
    try {
      const feed = await post(`/api/v1/professionals/${professionalId}/calendar-feed`);
      url.value = feed.url;
      urlField.hidden = false;
      copy.hidden = false;
      status.textContent = "Nouvelle adresse créée : l'adresse précédente ne fonctionne plus.";
      url.focus();
      url.select();
    } catch (error) {
      showProblem(problem, error);
    }
  });
  copy.addEventListener('click', async () => {
    url.select();
    try {
      await navigator.clipboard.writeText(url.value);
    } catch (e) {
      document.execCommand('copy');
    }
    status.textContent = 'Adresse copiée : collez-la dans votre agenda (abonnement par URL).';
  });
  revoke.addEventListener('click', async () => {
    try {
      await api('DELETE', `/api/v1/professionals/${professionalId}/calendar-feed`);
      url.value = '';
      urlField.hidden = true;
      copy.hidden = true;
      status.textContent = "Flux désactivé : son adresse ne fonctionne plus.";
    } catch (error) {
      showProblem(problem, error);
    }
  });
  return section('Mon agenda dans mon calendrier habituel',
    h('p', {}, "Votre agenda Aiguillage peut s'afficher dans votre calendrier (Thunderbird, Outlook, téléphone) par une adresse privée. "
      + "Seule une empreinte de cette adresse est gardée : elle ne peut pas être montrée de nouveau, seulement renouvelée."),
    urlField, h('div', { class: 'actions' }, issue, copy, revoke), status, problem);
}

function privacySection(professionalId) {
  const options = [['none', 'Rien : « Rendez-vous » seulement'], ['initials', 'Les initiales du patient'], ['full', 'Nom complet et téléphone du patient']];
  const radios = options.map(([value, label], i) => {
    const input = h('input', { type: 'radio', name: 'privacy', value, id: uid('vie'), checked: i === 0 });
    return h('span', { class: 'radio' }, input, h('label', { for: input.id }, label));
  });
  const free = h('input', { type: 'checkbox', name: 'showFreeSlots', id: uid('libres') });
  const status = h('p', { role: 'status', class: 'done' });
  const problem = alertBox();
  const form = h('form', {},
    h('fieldset', {}, h('legend', {}, 'Ce que le flux montre des patients'), radios),
    h('p', { class: 'check' }, free, h('label', { for: free.id }, 'Montrer aussi mes créneaux SNP libres')),
    problem, status, h('button', { type: 'submit' }, 'Enregistrer ces réglages'));
  // the form starts from what the feed shows now
  get(`/api/v1/professionals/${professionalId}/calendar-settings`).then((current) => {
    radios.forEach((r) => { const input = r.querySelector('input'); input.checked = input.value === current.privacy; });
    free.checked = current.showFreeSlots;
  }, (error) => showProblem(problem, error));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const privacy = form.querySelector('input[name=privacy]:checked').value;
      const saved = await api('PUT', `/api/v1/professionals/${professionalId}/calendar-settings`, { privacy, showFreeSlots: free.checked });
      status.textContent = `Réglages enregistrés : ${options.find(([v]) => v === saved.privacy)[1].toLowerCase()}`
        + `${saved.showFreeSlots ? ', créneaux SNP libres montrés' : ''}.`;
    } catch (error) {
      showProblem(problem, error);
    }
  });
  return section('Confidentialité du flux', form);
}

function siteSelect(pro) {
  return h('select', { name: 'siteId' }, pro.sites.map((s) => h('option', { value: s.id }, s.name)));
}

function lengthSelect() {
  return h('select', { name: 'slotMinutes' }, [10, 15, 20, 30, 45, 60].map((m) => h('option', { value: m, selected: m === 20 }, `${m} minutes`)));
}

function importSection(pro) {
  const file = h('input', { type: 'file', name: 'ics', accept: '.ics,text/calendar' });
  const site = siteSelect(pro);
  const length = lengthSelect();
  const status = h('p', { role: 'status', class: 'done' });
  const problem = alertBox();
  const form = h('form', {}, field('Fichier .ics', file, 'Les événements dont le titre ou la catégorie contient SNP (ou MT) deviennent des créneaux.'),
    h('div', { class: 'inline' }, field('Lieu des créneaux importés', site), field('Durée des créneaux importés', length)),
    problem, status, h('button', { type: 'submit' }, 'Importer le fichier'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    problem.replaceChildren();
    if (!file.files.length) { problem.textContent = 'Choisissez un fichier .ics.'; return; }
    try {
      const text = await file.files[0].text();
      const r = await sendText('POST', `/api/v1/professionals/${pro.id}/availability/import${query({ siteId: site.value, slotMinutes: length.value })}`,
        text, 'text/calendar');
      status.textContent = `Import terminé : ${r.created} créneau(x) créé(s), ${r.kept} gardé(s), ${r.removed} retiré(s), ${r.ignored} événement(s) ignoré(s)`
        + (r.overlapsRefused.length ? `, ${r.overlapsRefused.length} chevauchement(s) refusé(s).` : '.');
    } catch (error) {
      showProblem(problem, error);
    }
  });
  return section('Importer un fichier de calendrier', form);
}

function subscriptionSection(pro) {
  const url = h('input', { type: 'url', name: 'url', size: 60, class: 'wide' });
  const site = siteSelect(pro);
  const length = lengthSelect();
  const last = h('div', { role: 'status' });
  const problem = alertBox();
  const show = (s) => {
    if (!s) { last.replaceChildren(h('p', { class: 'muted' }, 'Aucun abonnement.')); return; }
    url.value = s.url;
    last.replaceChildren(h('p', {}, s.lastFetchAt ? `Dernière lecture : ${fmt.when(s.lastFetchAt)} — `
      + (s.lastStatus === 'OK' ? 'réussie.' : `échec : ${s.lastError || 'raison inconnue'}.`) : 'Pas encore lue.'));
  };
  const form = h('form', {}, field('Adresse de votre calendrier (https://…)', url, 'Lue maintenant puis tous les quarts d\'heure.'),
    h('div', { class: 'inline' }, field('Lieu des créneaux de l\'abonnement', site), field('Durée des créneaux de l\'abonnement', length)),
    last, problem, h('button', { type: 'submit' }, "S'abonner à ce calendrier"));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    problem.replaceChildren();
    try {
      show(await api('PUT', `/api/v1/professionals/${pro.id}/availability/subscription`,
        { url: url.value.trim(), siteId: site.value, slotMinutes: Number(length.value) }));
    } catch (error) {
      showProblem(problem, error);
    }
  });
  get(`/api/v1/professionals/${pro.id}/availability/subscription`).then(show, () => show(null));
  return section("S'abonner à mon propre calendrier", form);
}
