import { describeCheck } from '../../../test/harness/check-tester.js';
import check from './check.js';

const repo = (name: string, visibility: string, archived = false) => ({
  name,
  full_name: `acme/${name}`,
  private: visibility !== 'public',
  visibility,
  archived,
  fork: false,
  default_branch: 'main',
  html_url: `https://github.com/acme/${name}`,
});

describeCheck(check, [
  {
    name: 'passes with no public repositories',
    data: { 'github.repos': [repo('api', 'private')] },
    status: 'pass',
    passing: ['repositories'],
  },
  {
    name: 'fails a public repository not on the list',
    data: { 'github.repos': [repo('docs', 'public'), repo('api', 'internal')] },
    status: 'fail',
    failing: ['acme/docs'],
  },
  {
    name: 'passes an allowed public repository',
    data: { 'github.repos': [repo('docs', 'public')] },
    options: { allowedPublic: ['docs'] },
    status: 'pass',
    passing: ['acme/docs'],
  },
  {
    name: 'supports wildcards and owner/name',
    data: { 'github.repos': [repo('sdk-js', 'public'), repo('docs', 'public')] },
    options: { allowedPublic: ['acme/sdk-*', 'docs'] },
    status: 'pass',
  },
  {
    name: 'archived public repositories still count',
    data: { 'github.repos': [repo('old', 'public', true)] },
    status: 'fail',
    message: /archived/,
  },
]);
