export * from '../../src/sdk/testing.js';
