import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import yaml from 'js-yaml';

import { SECURE_KEYS, parseSettings } from '../../src/settings/model';
import { readCronSchedules } from '../argo/cron/cronSchedules';
import { argoSchema } from '../argo/extract/testCorpus';
import { parseCollectorOptions } from '../collector/collectorOptions';
import { USAGE } from '../collector/usage';

/**
 * The files of deploy/ as Kubernetes, Argo and Grafana would read them: each parses, each Argo object
 * fits Argo's JSON schema (made strict about unknown fields, so a misplaced key fails here rather than
 * being dropped silently by the cluster), the RBAC only reads, and every name one file uses is defined
 * in another or documented in deploy/README.md.
 */
type Json = Record<string, any>;

const ROOT = path.resolve(__dirname, '../..');
const DEPLOY = path.join(ROOT, 'deploy');
const README = readFileSync(path.join(DEPLOY, 'README.md'), 'utf8');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? yamlFiles(full) : /\.ya?ml$/.test(entry.name) ? [path.relative(DEPLOY, full)] : [];
  });
}

const FILES = yamlFiles(DEPLOY).sort();
const DOCS: Array<{ file: string; doc: Json }> = FILES.flatMap((file) =>
  yaml.loadAll(readFileSync(path.join(DEPLOY, file), 'utf8')).map((doc) => ({ file, doc: doc as Json }))
);
const K8S = DOCS.filter(({ doc }) => typeof doc.kind === 'string');
const ofKind = (kind: string) => K8S.filter(({ doc }) => doc.kind === kind).map(({ doc }) => doc);
const one = (kind: string, name: string) => {
  const found = ofKind(kind).filter((doc) => doc.metadata.name === name);
  expect(found).toHaveLength(1);
  return found[0];
};

const ARGO_KINDS = ['Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow'];
const ARGO_DEFINITION = (kind: string) => `io.argoproj.workflow.v1alpha1.${kind}`;

/** Argo's schema, with the repo's allowance (an integer IntOrString) and no unknown fields anywhere. */
function strictArgoSchema() {
  const schema = argoSchema() as Json;
  schema.definitions['io.k8s.apimachinery.pkg.util.intstr.IntOrString'].type = ['string', 'integer'];
  for (const definition of Object.values<Json>(schema.definitions)) {
    if (definition.properties !== undefined && definition.additionalProperties === undefined) {
      definition.additionalProperties = false;
    }
  }
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(schema);
  return { ajv, id: schema.$id as string };
}
const STRICT = strictArgoSchema();
const argoValidator = (kind: string) => STRICT.ajv.getSchema(`${STRICT.id}#/definitions/${ARGO_DEFINITION(kind)}`)!;

/** Every container of an Argo object's templates (workflowSpec for a CronWorkflow). */
function templatesOf(doc: Json): Json[] {
  return (doc.kind === 'CronWorkflow' ? doc.spec.workflowSpec : doc.spec).templates;
}

it('finds the files: RBAC, the collector CronWorkflow, the self-report template and its example, Grafana', () => {
  expect(FILES).toEqual([
    'argo/collector-cronworkflow.yaml',
    'argo/example-self-reporting-workflow.yaml',
    'argo/report-to-elasticsearch.yaml',
    'grafana/datasource.yaml',
    'rbac/collector-executor.yaml',
    'rbac/reader-namespace-binding.yaml',
    'rbac/reader.yaml',
    'rbac/team-reporter.yaml',
  ]);
  expect(ofKind('CronWorkflow')).toHaveLength(1);
  expect(ofKind('WorkflowTemplate')).toHaveLength(1);
  expect(ofKind('Workflow')).toHaveLength(1);
});

it('documents every file in deploy/README.md', () => {
  for (const file of FILES) {
    expect(README.includes(file) ? file : `${file} is not in README.md`).toBe(file);
  }
});

it('gives every Kubernetes object an apiVersion and a name', () => {
  for (const { file, doc } of K8S) {
    expect([file, typeof doc.apiVersion, typeof (doc.metadata?.name ?? doc.metadata?.generateName)]).toEqual([file, 'string', 'string']);
  }
  expect(K8S.length + 1).toBe(DOCS.length); // the one other document: Grafana's provisioning file
});

describe.each(K8S.filter(({ doc }) => ARGO_KINDS.includes(doc.kind)).map(({ file, doc }) => ({ file, kind: doc.kind as string, doc })))('$file ($kind)', ({ kind, doc }) => {
  it("fits Argo's JSON schema, with no unknown fields", () => {
    const validate = argoValidator(kind);
    const errors = validate(doc) ? [] : validate.errors!.map((error) => `${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`);
    expect(errors).toEqual([]);
  });

  it('the strict schema does catch a misspelt field, also deep inside a container', () => {
    const misspelt = JSON.parse(JSON.stringify(doc));
    templatesOf(misspelt)[0].contineOn = { failed: true };
    expect(argoValidator(kind)(misspelt)).toBe(false);
    const deep = JSON.parse(JSON.stringify(doc));
    const container = templatesOf(deep).find((template: Json) => template.container)!.container;
    container.resources = { request: { cpu: '1' } };
    expect(argoValidator(kind)(deep)).toBe(false);
  });

  it('declares every {{inputs.parameters.x}} and {{workflow.parameters.x}} it uses', () => {
    const spec = kind === 'CronWorkflow' ? doc.spec.workflowSpec : doc.spec;
    const workflowParameters = (spec.arguments?.parameters ?? []).map((p: Json) => p.name);
    for (const template of templatesOf(doc)) {
      const inputs = (template.inputs?.parameters ?? []).map((p: Json) => p.name);
      const text = JSON.stringify(template);
      for (const [, scope, name] of text.matchAll(/\{\{(inputs|workflow)\.parameters\.([\w-]+)\}\}/g)) {
        expect([template.name, scope, name, (scope === 'inputs' ? inputs : workflowParameters).includes(name)]).toEqual([template.name, scope, name, true]);
      }
    }
  });
});

describe('RBAC', () => {
  const roles = [...ofKind('ClusterRole'), ...ofKind('Role')];
  const reader = one('ClusterRole', 'argoperf-reader');

  it('the reader may get and list workflows (live and archived) and cron workflows, nothing more', () => {
    expect(reader.rules).toEqual([{ apiGroups: ['argoproj.io'], resources: ['workflows', 'cronworkflows'], verbs: ['get', 'list'] }]);
  });

  it('every role but the executor’s only reads Argo resources', () => {
    for (const role of roles.filter((r) => r.metadata.name !== 'argoperf-collector-executor')) {
      for (const rule of role.rules) {
        expect(rule.apiGroups).toEqual(['argoproj.io']);
        expect(rule.verbs.filter((verb: string) => !['get', 'list', 'watch'].includes(verb))).toEqual([]);
        expect(rule.resources.filter((resource: string) => !['workflows', 'cronworkflows'].includes(resource))).toEqual([]);
      }
    }
  });

  it('the collector’s pods get exactly the minimum of Argo’s executor (docs/workflow-rbac.md, v3.4+)', () => {
    expect(one('Role', 'argoperf-collector-executor').rules).toEqual([{ apiGroups: ['argoproj.io'], resources: ['workflowtaskresults'], verbs: ['create', 'patch'] }]);
  });

  it('every binding names a role and service accounts defined here', () => {
    const serviceAccounts = ofKind('ServiceAccount').map((sa) => `${sa.metadata.namespace}/${sa.metadata.name}`);
    for (const binding of [...ofKind('ClusterRoleBinding'), ...ofKind('RoleBinding')]) {
      const role = roles.find((r) => r.kind === binding.roleRef.kind && r.metadata.name === binding.roleRef.name)!;
      expect(role).toBeDefined();
      if (role.kind === 'Role') {
        expect(role.metadata.namespace).toBe(binding.metadata.namespace);
      }
      for (const subject of binding.subjects) {
        expect(subject.kind).toBe('ServiceAccount');
        expect(serviceAccounts).toContain(`${subject.namespace}/${subject.name}`);
      }
    }
  });

  it('each long-lived token belongs to a service account in its own namespace', () => {
    const tokens = ofKind('Secret');
    expect(tokens.map((secret) => `${secret.metadata.namespace}/${secret.metadata.name}`).sort()).toEqual(['argo/argoperf-reader-token', 'ml/argoperf-reporter-token']);
    for (const secret of tokens) {
      expect(secret.type).toBe('kubernetes.io/service-account-token');
      const owner = one('ServiceAccount', secret.metadata.annotations['kubernetes.io/service-account.name']);
      expect(owner.metadata.namespace).toBe(secret.metadata.namespace);
    }
  });
});

/** The collector's container in a template list: its args and its env by name. */
function collectorOf(templates: Json[]): { args: string[]; env: Record<string, Json>; image: string; namespace?: string } {
  const containers = templates.filter((t) => t.container?.args?.[0] === 'collect').map((t) => t.container);
  expect(containers).toHaveLength(1);
  const [container] = containers;
  return { args: container.args, image: container.image, env: Object.fromEntries(container.env.map((e: Json) => [e.name, e.valueFrom.secretKeyRef])) };
}

/** The default of a template's input parameter, in the Argo object that declares it. */
function inputDefault(doc: Json, name: string): string {
  const parameters = templatesOf(doc).flatMap((t: Json) => t.inputs?.parameters ?? []);
  return parameters.find((p: Json) => p.name === name).value;
}

/** `--flag value` pairs of a command line. */
function flags(args: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    if (args[i].startsWith('--')) {
      out[args[i]] = args[i + 1];
      i++;
    }
  }
  return out;
}

describe('the collector CronWorkflow', () => {
  const cron = one('CronWorkflow', 'argoperf-collector');

  it('runs every 5 minutes by the project’s cron reader, never two at once, and catches up only briefly', () => {
    const read = readCronSchedules(cron);
    expect(read.rejected).toBe(false);
    expect(read.problems).toEqual([]);
    expect(read.schedules.map((schedule) => [schedule.cron, schedule.timeZone])).toEqual([['*/5 * * * *', 'UTC']]);
    expect(read.concurrencyPolicy).toBe('Forbid');
    expect(read.startingDeadlineSeconds).toBe(120);
  });

  it('runs `collect sync` with the reader’s token and the Elasticsearch Secret, as its executor account', () => {
    const spec = cron.spec.workflowSpec;
    const { args, env, image } = collectorOf(spec.templates);
    expect(args.slice(0, 2)).toEqual(['collect', 'sync']);
    expect(Object.keys(flags(args)).sort()).toEqual(['--argo-url', '--es-url', '--index-prefix']);
    Object.keys(flags(args)).forEach((flag) => expect(USAGE).toContain(`${flag} `));
    expect(image).toMatch(/REPLACE-ME/); // no image is published: a placeholder the README explains
    expect(env.ARGO_TOKEN).toEqual({ name: 'argoperf-reader-token', key: 'token' });
    for (const name of ['ES_USERNAME', 'ES_PASSWORD', 'ES_API_KEY']) {
      expect(env[name]).toMatchObject({ name: 'argoperf-elasticsearch', optional: true });
    }
    expect(one('ServiceAccount', spec.serviceAccountName).metadata.namespace).toBe(cron.metadata.namespace);
    expect(one('Secret', 'argoperf-reader-token').metadata.namespace).toBe(cron.metadata.namespace);
  });
});

describe('self-reporting', () => {
  const template = one('WorkflowTemplate', 'report-to-elasticsearch');
  const example = ofKind('Workflow')[0];

  it('the exit handler reports its own run (after a sync of its namespace) with options the collector has, and cannot fail the run', () => {
    const report = template.spec.templates.find((t: Json) => t.name === 'report');
    expect(report.steps).toEqual([[{ name: 'report', template: 'collect-this-run', continueOn: { failed: true, error: true } }]]);
    const { args, env } = collectorOf(template.spec.templates);
    expect(args.slice(0, 2)).toEqual(['collect', 'report']);
    expect(flags(args)).toMatchObject({
      '--namespace': '{{workflow.namespace}}',
      '--workflow': '{{workflow.name}}',
      '--uid': '{{workflow.uid}}',
      '--status': '{{workflow.status}}',
    });
    expect(Object.keys(flags(args)).sort()).toEqual(['--argo-url', '--es-url', '--index-prefix', '--namespace', '--status', '--uid', '--workflow']);
    // The collector accepts exactly these arguments once Argo has substituted the variables.
    const substituted = args.slice(1).map((arg: string) =>
      arg
        .replace('{{workflow.namespace}}', template.metadata.namespace)
        .replace('{{workflow.name}}', 'process-images-x7k2p')
        .replace('{{workflow.uid}}', '5f0e6c2a-8d4b-4a57-9b1e-2f4c9d7e1a63')
        .replace('{{workflow.status}}', 'Failed')
        .replace(/\{\{inputs\.parameters\.([\w-]+)\}\}/, (_: string, name: string) => inputDefault(template, name))
    );
    expect(parseCollectorOptions(substituted, {}, false)).toMatchObject({
      command: 'report',
      namespaces: [template.metadata.namespace],
      report: { workflow: 'process-images-x7k2p', uid: '5f0e6c2a-8d4b-4a57-9b1e-2f4c9d7e1a63', status: 'Failed' },
    });
    // Every option the deploy files pass is one the collector has.
    for (const flag of args.filter((arg: string) => arg.startsWith('--'))) {
      expect(USAGE).toContain(`${flag} `);
    }
    expect(env.ARGO_TOKEN).toEqual({ name: 'argoperf-reporter-token', key: 'token' });
    expect(one('Secret', 'argoperf-reporter-token').metadata.namespace).toBe(template.metadata.namespace);
  });

  it('the example uses it as its exit handler and reports metric-images_processed from a step', () => {
    expect(example.spec.hooks.exit.templateRef).toEqual({ name: template.metadata.name, template: 'report' });
    expect(example.metadata.namespace).toBe(template.metadata.namespace);
    const outputs = example.spec.templates.flatMap((t: Json) => t.outputs?.parameters ?? []);
    expect(outputs).toEqual([{ name: 'metric-images_processed', valueFrom: { path: '/tmp/images_processed' } }]);
  });

  it('every Secret the Argo objects read is defined here or created in README.md', () => {
    for (const doc of ofKind('CronWorkflow').concat(ofKind('WorkflowTemplate'))) {
      const { env } = collectorOf(templatesOf(doc));
      for (const ref of Object.values(env)) {
        const defined = ofKind('Secret').some((secret) => secret.metadata.name === ref.name);
        const created = README.includes(`create secret generic ${ref.name}`);
        expect([ref.name, defined || created]).toEqual([ref.name, true]);
      }
    }
  });
});

describe('grafana/datasource.yaml', () => {
  const provisioning = DOCS.find(({ file }) => file === 'grafana/datasource.yaml')!.doc;
  const [datasource] = provisioning.datasources;
  const pluginId = JSON.parse(readFileSync(path.join(ROOT, 'src/datasource/plugin.json'), 'utf8')).id;

  it('provisions our datasource with settings the backend accepts', () => {
    expect(provisioning.apiVersion).toBe(1);
    expect(datasource.type).toBe(pluginId);
    expect(parseSettings(datasource.jsonData, datasource.secureJsonData)).toHaveProperty('settings');
  });

  it('takes the secrets from Grafana’s environment, never written in the file', () => {
    for (const [key, value] of Object.entries<string>(datasource.secureJsonData)) {
      expect(SECURE_KEYS).toContain(key);
      expect(value).toMatch(/^\$\{[A-Z_]+\}$/);
      expect(README).toContain(value.slice(2, -1));
    }
    expect(datasource.secureJsonData.argoToken).toBe('${ARGOPERF_ARGO_TOKEN}');
  });
});
