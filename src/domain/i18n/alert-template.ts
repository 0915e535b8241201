// Words of `/alerts template`: the current template and how to write one, the preview with Save and Cancel, the
// refusals that name what is wrong, and the sample order a preview is shown on. Values are escaped here.
import type { AlertExtras, AlertOrder } from '../alert.js';
import { PLACEHOLDERS, type Placeholder, type TemplateProblem } from '../alert-template.js';
import { escapeHtml as e, html, joinHtml, type Html } from '../format/html.js';
import type { UnixSeconds } from '../justclick.js';
import type { Lang } from './lang.js';

export interface AlertTemplateText {
  /** The template in use (`own`: the chat's; otherwise the default) and how to change it. */
  current(template: string, own: boolean): Html;
  /** Heads the preview; the alert follows. */
  preview: Html;
  /** Under the preview, above the buttons. */
  confirm: Html;
  saved: Html;
  cancelled: Html;
  reset: Html;
  /** A pop-up (plain text): the preview was replaced by a newer one, already answered, or is too old. */
  stale: string;
  refused(problem: TemplateProblem): Html;
  button: { save: string; cancel: string; panel(own: boolean): string };
  placeholder: Record<Placeholder, string>;
  /** The sample order's buyer-typed fields. */
  sample: { name: string; product: string; payway: string };
}

const list = (names: readonly Placeholder[], what: Record<Placeholder, string>): Html =>
  joinHtml(
    names.map((p) => html`<code>{${e(p)}}</code> — ${e(what[p])}`),
    '\n',
  );

const enPlaceholders: Record<Placeholder, string> = {
  title: 'the heading, “💰 Order #… paid”, in bold',
  order: 'the order number',
  amount: 'the sum in bold, then what was bought',
  sum: 'the sum, in bold',
  product: 'what was bought (up to three products)',
  customer: 'name · e-mail · phone',
  buyer: 'the buyer’s name',
  email: 'the buyer’s e-mail',
  phone: 'the buyer’s phone',
  buyer_line: '“🔁 2nd purchase · lifetime …” or “🆕 First purchase”',
  payway: 'how it was paid',
  source: 'utm_source / utm_medium / utm_campaign',
  time: 'when it was paid, in the chat’s time zone',
  milestones: 'first sale of the day, record day, record order (a line each)',
};

const ruPlaceholders: Record<Placeholder, string> = {
  title: 'заголовок «💰 Оплачен заказ № …», жирным',
  order: 'номер заказа',
  amount: 'сумма жирным и что куплено',
  sum: 'сумма, жирным',
  product: 'что куплено (до трёх продуктов)',
  customer: 'имя · e-mail · телефон',
  buyer: 'имя покупателя',
  email: 'e-mail покупателя',
  phone: 'телефон покупателя',
  buyer_line: '«🔁 2-я покупка · всего …» или «🆕 Первая покупка»',
  payway: 'способ оплаты',
  source: 'utm_source / utm_medium / utm_campaign',
  time: 'время оплаты в часовом поясе чата',
  milestones: 'первая продажа за день, рекордный день, рекордный заказ (по строке)',
};

const en: AlertTemplateText = {
  current: (template, own) =>
    joinHtml(
      [
        own ? html`📝 <b>This chat’s alert template</b>` : html`📝 <b>Alerts use the default template</b>`,
        html`<pre>${e(template)}</pre>`,
        html`To change it, send <code>/alerts template</code> and your text on the next lines; I show it on a sample order before saving. <code>/alerts template reset</code> brings back the default.`,
        list(PLACEHOLDERS, enPlaceholders),
        html`A line whose placeholders are all empty for an order is left out. In groups the e-mail and phone are masked. HTML tags are not allowed. Several orders at once still come as one summary.`,
      ],
      '\n\n',
    ),
  preview: html`👀 <b>Preview on a sample order</b>`,
  confirm: html`Save this template for the chat’s alerts?`,
  saved: html`✅ Template saved: single paid-order alerts in this chat look like this from now on.`,
  cancelled: html`Template not changed.`,
  reset: html`✅ Alerts in this chat use the default template again.`,
  stale: 'This preview is no longer current: send /alerts template again.',
  refused: (p) => {
    const fix = html`\n\n<code>/alerts template</code> shows the placeholders and an example.`;
    switch (p.kind) {
      case 'empty':
        return html`The template is empty: write it on the lines after <code>/alerts template</code>.${fix}`;
      case 'too-long':
        return html`The template is too long: ${p.length} characters, at most ${p.max}.`;
      case 'too-many-lines':
        return html`The template has too many lines: ${p.lines}, at most ${p.max}.`;
      case 'too-many-placeholders':
        return html`The template has too many placeholders: ${p.count}, at most ${p.max}.`;
      case 'unknown':
        return html`I know no placeholder <code>{${e(p.name)}}</code>.${p.nearest ? html` Did you mean <code>{${e(p.nearest)}}</code>?` : ''}${fix}`;
      case 'unclosed':
        return html`A brace is not closed on its line: “${e(p.near)}”. Placeholders are written like <code>{sum}</code>, braces are for placeholders only.${fix}`;
      case 'stray-close':
        return html`A closing brace has no opening one: “${e(p.near)}”. Placeholders are written like <code>{sum}</code>, braces are for placeholders only.${fix}`;
      case 'markup':
        return html`Templates cannot contain HTML tags (“${e(p.tag)}”): the alert’s formatting is the bot’s. <code>{title}</code> and <code>{sum}</code> come in bold.`;
    }
  },
  button: { save: '✅ Save', cancel: '✖ Cancel', panel: (own) => (own ? '📝 Template: own' : '📝 Template: default') },
  placeholder: enPlaceholders,
  sample: { name: 'Anna Smirnova', product: 'Python course', payway: 'Bank card' },
};

const ru: AlertTemplateText = {
  current: (template, own) =>
    joinHtml(
      [
        own ? html`📝 <b>Шаблон уведомлений этого чата</b>` : html`📝 <b>Уведомления — по шаблону по умолчанию</b>`,
        html`<pre>${e(template)}</pre>`,
        html`Чтобы изменить, пришлите <code>/alerts template</code> и свой текст на следующих строках; перед сохранением я покажу его на примере заказа. <code>/alerts template reset</code> возвращает шаблон по умолчанию.`,
        list(PLACEHOLDERS, ruPlaceholders),
        html`Строка, в которой для заказа пусты все подстановки, не выводится. В группах e-mail и телефон скрыты. HTML-теги не допускаются. Несколько заказов сразу по-прежнему приходят одной сводкой.`,
      ],
      '\n\n',
    ),
  preview: html`👀 <b>Так будет выглядеть уведомление (пример заказа)</b>`,
  confirm: html`Сохранить этот шаблон для уведомлений чата?`,
  saved: html`✅ Шаблон сохранён: уведомления об оплате одного заказа в этом чате теперь выглядят так.`,
  cancelled: html`Шаблон не изменён.`,
  reset: html`✅ Уведомления в этом чате снова по шаблону по умолчанию.`,
  stale: 'Этот предпросмотр уже неактуален: пришлите /alerts template ещё раз.',
  refused: (p) => {
    const fix = html`\n\n<code>/alerts template</code> покажет подстановки и пример.`;
    switch (p.kind) {
      case 'empty':
        return html`Шаблон пуст: напишите его на строках после <code>/alerts template</code>.${fix}`;
      case 'too-long':
        return html`Шаблон слишком длинный: ${p.length} символов, можно не больше ${p.max}.`;
      case 'too-many-lines':
        return html`В шаблоне слишком много строк: ${p.lines}, можно не больше ${p.max}.`;
      case 'too-many-placeholders':
        return html`В шаблоне слишком много подстановок: ${p.count}, можно не больше ${p.max}.`;
      case 'unknown':
        return html`Не знаю подстановки <code>{${e(p.name)}}</code>.${p.nearest ? html` Может быть, <code>{${e(p.nearest)}}</code>?` : ''}${fix}`;
      case 'unclosed':
        return html`Фигурная скобка не закрыта в своей строке: «${e(p.near)}». Подстановки пишутся так: <code>{sum}</code>; фигурные скобки — только для них.${fix}`;
      case 'stray-close':
        return html`У закрывающей скобки нет открывающей: «${e(p.near)}». Подстановки пишутся так: <code>{sum}</code>; фигурные скобки — только для них.${fix}`;
      case 'markup':
        return html`В шаблоне не может быть HTML-тегов («${e(p.tag)}»): оформление уведомления задаёт бот. <code>{title}</code> и <code>{sum}</code> выводятся жирным.`;
    }
  },
  button: { save: '✅ Сохранить', cancel: '✖ Отмена', panel: (own) => (own ? '📝 Шаблон: свой' : '📝 Шаблон: обычный') },
  placeholder: ruPlaceholders,
  sample: { name: 'Анна Смирнова', product: 'Курс Python', payway: 'Банковская карта' },
};

export const alertTemplateText: Record<Lang, AlertTemplateText> = { en, ru };

/** `/alerts template …`: the word itself, and the words that bring the default back. */
export const TEMPLATE_WORDS: readonly string[] = ['template', 'шаблон'];
export const TEMPLATE_RESET_WORDS: readonly string[] = ['reset', 'default', 'off', 'сброс', 'сбросить', 'выкл'];

/** The order a template is previewed on: every placeholder has something to show. */
export function sampleAlert(lang: Lang, paid: UnixSeconds): { order: AlertOrder; extras: AlertExtras } {
  const s = alertTemplateText[lang].sample;
  return {
    order: {
      id: '100234',
      name: s.name,
      email: 'anna@example.com',
      phone: '+7 912 345-67-89',
      paid,
      created: paid - 300,
      price: 499_000,
      goods: [s.product],
      payway: s.payway,
      utm: { source: 'vk', medium: 'cpc', campaign: 'spring' },
      link: '',
    },
    extras: { buyer: { purchase: 2, lifetime: 998_000, complete: true }, milestones: [{ kind: 'first-sale' }] },
  };
}
