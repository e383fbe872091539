/**
 * Secret values the fuzzer writes into datasource settings, and every form in which one could leak:
 * as written, base64 (an API key sent encoded), inside a Basic header (user:password in base64), and
 * percent-encoded. The oracle looks for each form in every answer and in the backend's stderr log.
 */
export const SECRETS = {
  elasticsearchPassword: 'fzEsPw9Kq2Lm7Xv',
  elasticsearchApiKey: 'fzEsKey4Tg8Rw1Nb',
  argoToken: 'fzArgoTok6Hc3Jp5Ds',
  elasticsearchCaCert: '-----BEGIN CERTIFICATE-----\nfzCaPem8Wd2Qs4Lk\n-----END CERTIFICATE-----\n',
  argoCaCert: '-----BEGIN CERTIFICATE-----\nfzArgoCa3Mn6Vb1Xp\n-----END CERTIFICATE-----\n',
} as const;

/** The password in URLs with userinfo (`http://user:password@host`). */
export const URL_PASSWORD = 'fzUrlPw2Ye7Wq9Zt';
/** Users the fuzzer names (jsonData, URL userinfo); they are not secret, but user:password in base64 is. */
export const USERS = ['elastic', 'fzuser', 'r\u00e9ader'];

/** The part of each secret that must never be seen (a CA's marker line, the whole of the others). */
const MARKERS: string[] = [
  SECRETS.elasticsearchPassword,
  SECRETS.elasticsearchApiKey,
  SECRETS.argoToken,
  'fzCaPem8Wd2Qs4Lk',
  'fzArgoCa3Mn6Vb1Xp',
  URL_PASSWORD,
];

export interface SecretForm {
  /** Which secret, and in what form (for the finding's name). */
  name: string;
  text: string;
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

function forms(): SecretForm[] {
  const list: SecretForm[] = [];
  for (const marker of MARKERS) {
    list.push({ name: `${marker} (raw)`, text: marker });
    // base64 without its padding, so that the text inside a longer base64 string is found too.
    list.push({ name: `${marker} (base64)`, text: base64(marker).replace(/=+$/, '') });
    for (const user of USERS) {
      list.push({ name: `${marker} (Basic ${user}:…)`, text: base64(`${user}:${marker}`).replace(/=+$/, '') });
    }
  }
  return list;
}

export const SECRET_FORMS: readonly SecretForm[] = forms();

/** Longest form, for scanning a stream with an overlap. */
export const LONGEST_FORM = Math.max(...SECRET_FORMS.map((form) => form.text.length));

/** The secret forms that occur in `text`. */
export function secretsIn(text: string): SecretForm[] {
  if (!text) {
    return [];
  }
  return SECRET_FORMS.filter((form) => text.includes(form.text));
}
