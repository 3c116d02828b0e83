/** parseEvent (pure): fork detection from the payload, and where apply may run. */
import { describe, expect, it } from 'vitest';
import { applyAllowed, parseEvent } from '../../src/action/event.js';
import { prEvent, pushEvent } from './harness.js';

type Repo = { id?: number; full_name: string } | null;
type Payload = { pull_request: { head: { repo: Repo }; base: { repo: Repo } } };

const envFor = (name: string, ref = 'refs/heads/main') => ({ GITHUB_EVENT_NAME: name, GITHUB_REPOSITORY: 'brightwater/halo-config', GITHUB_SHA: 'abc1234', GITHUB_REF: ref });

describe('parseEvent', () => {
  it('reads a same-repository pull request', () => {
    const event = parseEvent(envFor('pull_request'), prEvent({ number: 5 }).payload);
    expect(event).toMatchObject({ name: 'pull_request', owner: 'brightwater', repo: 'halo-config', defaultBranch: 'main', repositoryPrivate: true });
    expect(event.pullRequest).toMatchObject({ number: 5, fromFork: false, headRepository: 'brightwater/halo-config' });
  });

  it.each([
    ['a different head repository', (p: Payload) => p, true],
    ['a deleted head repository', (p: Payload) => ((p.pull_request.head.repo = null), p), true],
    ['the same name but another repository id (renamed fork)', (p: Payload) => ((p.pull_request.head.repo = { id: 99, full_name: 'brightwater/halo-config' }), p), true],
    ['a differently cased name of the same repository', (p: Payload) => ((p.pull_request.head.repo = { full_name: 'BrightWater/Halo-Config' }), (p.pull_request.base.repo = { full_name: 'brightwater/halo-config' }), p), false],
  ])('a pull request with %s: fork %s', (_, edit, fork) => {
    const payload = edit(structuredClone(prEvent({ number: 6, fork: true }).payload) as unknown as Payload);
    expect(parseEvent(envFor('pull_request'), payload).pullRequest?.fromFork).toBe(fork);
  });

  it('has no pull request on a push, and unknown visibility without a repository in the payload', () => {
    const push = parseEvent(envFor('push'), pushEvent().payload);
    expect(push.pullRequest).toBeNull();
    const schedule = parseEvent(envFor('schedule'), { schedule: '0 * * * *' });
    expect(schedule).toMatchObject({ repositoryPrivate: null, defaultBranch: null, owner: 'brightwater' });
  });
});

describe('applyAllowed', () => {
  it.each([
    ['push', 'refs/heads/main', pushEvent().payload, true],
    ['push', 'refs/heads/feature', pushEvent().payload, false],
    ['push', 'refs/tags/v1', pushEvent().payload, false],
    ['workflow_dispatch', 'refs/heads/main', pushEvent().payload, true],
    ['workflow_dispatch', 'refs/heads/feature', pushEvent().payload, false],
    ['schedule', 'refs/heads/main', { schedule: '0 * * * *' }, true],
    ['push', 'refs/heads/main', { ref: 'refs/heads/main' }, false], // cannot tell the default branch
    ['pull_request', 'refs/pull/1/merge', prEvent({ number: 1 }).payload, false],
    ['pull_request_target', 'refs/heads/main', prEvent({ number: 1 }).payload, false],
    ['merge_group', 'refs/heads/gh-readonly-queue/main/x', pushEvent().payload, false],
    ['release', 'refs/heads/main', pushEvent().payload, false], // on the default branch, but not an apply event
    ['', 'refs/heads/main', pushEvent().payload, false],
  ])('%s on %s → %s', (name, ref, payload, ok) => {
    expect(applyAllowed(parseEvent(envFor(name, ref), payload)).ok).toBe(ok);
  });
});
