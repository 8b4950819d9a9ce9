import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parse } from 'yaml';
import { azureJobs, fieldguideCommands, githubIf, githubWorkflow, gitlabJobs, recipe } from '../support/ci-recipes.ts';
import { main } from '../../src/cli.ts';
import { root, tempDir } from '../support/helpers.ts';

/**
 * The CI recipes: GitHub's workflow is validated by GitHub's own parser and schema and its job
 * conditions evaluated by GitHub's own expression evaluator; Azure Pipelines and GitLab publish no
 * schema as a package that runs here (GitLab's ships only inside gitlab-ci-local, whose native
 * re2 dependency cannot be installed offline), so those are parsed as YAML and their keys, rules
 * and conditions checked. Each recipe's shell steps that decide the outcome run for real in bash
 * with a stand-in `npx` that exits as the link checker would.
 */

const tmp = tempDir('fieldguide-ci-');
after(() => tmp.cleanup());

/** Runs a recipe's shell step in bash with `npx` answering `exit`, returning its exit code and output. */
function runStep(script: string, exit: number, env: Record<string, string> = {}): { code: number; stdout: string } {
  const bin = join(tmp.dir, `bin-${exit}`);
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'npx'), `#!/bin/sh\necho "npx $*" >&2\nexit ${exit}\n`);
  chmodSync(join(bin, 'npx'), 0o755);
  const r = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { PATH: `${bin}:/usr/bin:/bin`, ...env } });
  return { code: r.status ?? -1, stdout: r.stdout };
}

const kinds = (commands: string[][]) => ({
  build: commands.some((c) => c[0] === 'build'),
  bundle: commands.some((c) => c[0] === 'bundle'),
  offline: commands.some((c) => c[0] === 'check-links' && c.includes('--offline')),
  full: commands.some((c) => c[0] === 'check-links' && !c.includes('--offline')),
});

/** Runs the command line in this process, output swallowed, returning its exit code and what it wrote to stderr. */
async function exitCodeOf(args: string[]): Promise<{ code: number; stderr: string }> {
  const { log, error } = console;
  let stderr = '';
  console.log = () => {};
  console.error = (...parts: unknown[]) => { stderr += `${parts.join(' ')}\n`; };
  try {
    return { code: await main(args), stderr };
  } finally {
    Object.assign(console, { log, error });
  }
}

test('every recipe builds, bundles, checks internal links offline and all links on its schedule, with options the command accepts', async () => {
  for (const file of ['.github/workflows/links.yml', 'azure-pipelines.yml', '.gitlab-ci.yml']) {
    const commands = fieldguideCommands(recipe(file).doc);
    assert.deepEqual(kinds(commands), { build: true, bundle: true, offline: true, full: true }, file);
    for (const args of commands) {
      // Options are parsed strictly before --help is looked at: an unknown option or a missing value fails here.
      const r = await exitCodeOf([...args, '--help']);
      assert.equal(r.code, 0, `${file}: fieldguide ${args.join(' ')}: ${r.stderr}`);
    }
  }
  assert.equal((await exitCodeOf(['check-links', '--offlin', '--help'])).code, 2, 'a misspelt option is caught this way');
});

test('GitHub Actions: the workflow passes GitHub\'s own parser; pushes and pull requests build, the schedule checks every link', async () => {
  const { errors, workflow } = await githubWorkflow('.github/workflows/links.yml');
  assert.deepEqual(errors, []);
  assert.deepEqual(Object.keys(workflow.events).sort(), ['pull_request', 'push', 'schedule', 'workflow_dispatch']);
  const jobsFor = (event: string) => workflow.jobs.filter((j: any) => githubIf(j.if.source, event)).map((j: any) => j.id.value);
  assert.deepEqual(jobsFor('push'), ['build']);
  assert.deepEqual(jobsFor('pull_request'), ['build']);
  assert.deepEqual(jobsFor('schedule'), ['full']);
  assert.deepEqual(jobsFor('workflow_dispatch'), ['full']);

  const { doc } = recipe('.github/workflows/links.yml');
  const upload = doc.jobs.build.steps.find((s: any) => s.uses?.startsWith('actions/upload-artifact@'));
  assert.equal(upload.with.path, 'dist/site.zip', 'the offline zip is kept');
  const steps = doc.jobs.full.steps as any[];
  const at = (pred: (s: any) => boolean) => steps.findIndex(pred);
  const check = at((s) => typeof s.run === 'string' && s.run.includes('check-links'));
  assert.ok(at((s) => s.uses?.startsWith('actions/cache/restore@')) < check, 'the cache is restored before the check');
  const save = steps[at((s) => s.uses?.startsWith('actions/cache/save@'))];
  assert.ok(at((s) => s === save) > check && save.if === 'always()', 'the cache is saved after the check, even when it fails');

  // The check step: a failed check still writes the summary, and the step fails with the check's own code.
  const summary = join(tmp.dir, 'summary.md');
  writeFileSync(summary, '');
  for (const exit of [0, 1, 3]) assert.equal(runStep(steps[check].run, exit, { GITHUB_STEP_SUMMARY: summary }).code, exit);

  // The parser is real: a misspelt key is refused.
  const broken = join(tmp.dir, 'links.yml');
  writeFileSync(broken, readFileSync(join(root, '.github/workflows/links.yml'), 'utf8').replace('runs-on:', 'runs_on:'));
  assert.match((await githubWorkflow(broken)).errors.join('\n'), /Unexpected value 'runs_on'/);
});

test('Azure Pipelines: pushes and pull requests build, publish JUnit results and the zip; the schedule keeps its link cache even when links break', () => {
  const { doc } = recipe('azure-pipelines.yml');
  assert.deepEqual(doc.trigger.branches.include, ['main']);
  assert.deepEqual(doc.pr.branches.include, ['main']);
  assert.equal(typeof doc.schedules[0].cron, 'string');
  assert.equal(doc.schedules[0].always, true, 'the schedule runs even when nothing was committed: links rot on their own');
  assert.ok(doc.pool.vmImage);
  for (const job of doc.jobs) {
    assert.ok(job.job && Array.isArray(job.steps) && job.steps.length > 0, `job ${job.job} has steps`);
    for (const step of job.steps) assert.ok(['task', 'script', 'publish', 'checkout'].some((k) => k in step), `a step of ${job.job} is a task, script, publish or checkout`);
  }
  assert.deepEqual(azureJobs(doc, 'IndividualCI'), ['build']);
  assert.deepEqual(azureJobs(doc, 'PullRequest'), ['build']);
  assert.deepEqual(azureJobs(doc, 'Schedule'), ['links', 'verdict']);

  const job = (name: string) => doc.jobs.find((j: any) => j.job === name);
  const junit = (steps: any[]) => steps.find((s) => s.task === 'PublishTestResults@2');
  for (const name of ['build', 'links']) {
    const publish = junit(job(name).steps);
    assert.equal(publish.inputs.testResultsFormat, 'JUnit', `${name} publishes JUnit results`);
    assert.equal(publish.inputs.testResultsFiles, 'link-results.xml');
    assert.equal(publish.condition, 'succeededOrFailed()', `${name} publishes them when links are broken too`);
  }
  assert.equal(job('build').steps.find((s: any) => s.publish).publish, 'dist/site.zip');

  const steps = job('links').steps as any[];
  const cache = steps.findIndex((s) => s.task === 'Cache@2');
  const check = steps.findIndex((s) => s.name === 'check');
  assert.ok(cache >= 0 && cache < check, 'the cache step comes before the check (it restores there and saves after the job)');
  assert.equal(steps[cache].inputs.path, '.cache/fieldguide');
  assert.equal(junit(steps).inputs.failTaskOnFailedTests, false, 'broken links do not fail the job, or its cache would not be saved');
  // The check never fails the job (so the cache is saved) and hands its exit code on.
  for (const exit of [0, 1, 3]) {
    const r = runStep(steps[check].script, exit);
    assert.equal(r.code, 0, 'the check step succeeds whatever the check found');
    assert.match(r.stdout, new RegExp(`^##vso\\[task\\.setvariable variable=exitCode;isOutput=true\\]${exit}$`, 'm'));
  }
  // The verdict job reads that output and fails the run with it.
  const verdict = job('verdict');
  assert.deepEqual([verdict.dependsOn].flat(), ['links']);
  assert.equal(verdict.variables.exitCode, "$[ dependencies.links.outputs['check.exitCode'] ]");
  const script = verdict.steps.find((s: any) => s.script).script as string;
  for (const exit of [0, 1, 3]) assert.equal(runStep(script.replaceAll('$(exitCode)', String(exit)), 0).code, exit);
});

test('GitLab CI: pushes build and keep the zip, merge requests also check internal links as JUnit, schedules check every link and keep the cache always', () => {
  const { doc } = recipe('.gitlab-ci.yml');
  const push = { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'main' };
  assert.deepEqual(gitlabJobs(doc, push), ['build']);
  assert.deepEqual(gitlabJobs(doc, { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'fix', CI_OPEN_MERGE_REQUESTS: 'group/kb!7' }), [], 'a branch with a merge request is built by the merge request\'s pipeline');
  assert.deepEqual(gitlabJobs(doc, { CI_PIPELINE_SOURCE: 'merge_request_event', CI_MERGE_REQUEST_IID: '7' }), ['build', 'internal-links']);
  assert.deepEqual(gitlabJobs(doc, { CI_PIPELINE_SOURCE: 'schedule', CI_COMMIT_BRANCH: 'main' }), ['links']);

  for (const name of ['build', 'internal-links', 'links']) {
    assert.ok(doc.stages.includes(doc[name].stage), `${name} is in a declared stage`);
    assert.ok(Array.isArray(doc[name].script) && doc[name].script.length > 0, `${name} has a script`);
  }
  assert.ok(doc.build.artifacts.paths.includes('dist/site.zip'), 'the offline zip is an artifact');
  assert.deepEqual(doc['internal-links'].needs, ['build']);
  assert.ok(doc.build.artifacts.paths.includes('_site/'), 'the internal link check gets the built site from the build job');
  for (const name of ['internal-links', 'links']) {
    assert.equal(doc[name].artifacts.reports.junit, 'link-results.xml', `${name} reports JUnit results`);
    assert.equal(doc[name].artifacts.when, 'always', `${name} reports them when links are broken too`);
  }
  const caches = [doc.links.cache].flat();
  const links = caches.find((c: any) => c.key === 'fieldguide-links');
  assert.deepEqual(links.paths, ['.cache/fieldguide/']);
  assert.equal(links.when, 'always', 'the link cache is saved when the check fails too');
  assert.ok(doc.default.before_script.some((l: string) => l.startsWith('npm ci')), 'every job installs from the lock file');
  assert.deepEqual(parse(recipe('.gitlab-ci.yml').text), doc);
});
