import { describeCheck } from '../../../test/harness/check-tester.js';
import { allRead, notRead } from '../../../test/builders/github.js';
import check from './check.js';

const hook = (id: number, config: object) => ({ id, name: 'web', active: true, events: ['push'], config });
const good = {
  url: 'https://ci.example.com/hook',
  content_type: 'json',
  insecure_ssl: '0',
  secret: '********',
};

describeCheck(check, [
  {
    name: 'passes a well configured webhook',
    data: { 'github.webhooks': allRead([{ repo: 'acme/api', hooks: [hook(1, good)] }]) },
    status: 'pass',
    passing: ['acme/api: webhook 1 (ci.example.com)'],
  },
  {
    name: 'passes when there are no webhooks',
    data: { 'github.webhooks': allRead([{ repo: 'acme/api', hooks: [] }]) },
    status: 'pass',
    passing: ['webhooks'],
  },
  {
    name: 'fails plain http',
    data: {
      'github.webhooks': allRead([
        { repo: 'acme/api', hooks: [hook(2, { ...good, url: 'http://old.example.com/x' })] },
      ]),
    },
    status: 'fail',
    failing: ['acme/api: webhook 2 (old.example.com)'],
    message: /plain http URL/,
  },
  {
    name: 'fails insecure_ssl 1 and a missing secret',
    data: {
      'github.webhooks': allRead([
        { repo: 'acme/api', hooks: [hook(3, { url: 'https://x.example.com', insecure_ssl: '1' })] },
      ]),
    },
    status: 'fail',
    message: /TLS certificate verification disabled, no secret/,
  },
  {
    name: 'treats a numeric insecure_ssl 1 the same',
    data: {
      'github.webhooks': allRead([{ repo: 'acme/api', hooks: [hook(4, { ...good, insecure_ssl: 1 })] }]),
    },
    status: 'fail',
  },
  {
    name: 'a repository that could not be read is not checked',
    data: {
      'github.webhooks': [...allRead([{ repo: 'acme/api', hooks: [hook(1, good)] }]), notRead('acme/web')],
    },
    status: 'error',
    passing: ['acme/api: webhook 1 (ci.example.com)'],
    notChecked: ['acme/web'],
  },
]);
