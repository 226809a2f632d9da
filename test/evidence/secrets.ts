/**
 * Fake secrets of every kind soc2 must scrub, built at run time so that secret scanners do not flag this
 * file. Each value has the real shape of its kind.
 */
const b64 = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEYabcdefghijklmnopqrstuvwxyz0123456789+/';

export const SECRETS = {
  awsSecretKey: b64.slice(0, 40),
  awsSecretKeyNoSlash: 'Zq8vB3nR5tY7uI9oP1aS2dF4gH6jK8lZ0xC3vB5n',
  awsSessionToken: `IQoJb3JpZ2luX2VjE${'Ab1/Cd2+Ef3'.repeat(20)}`,
  githubClassic: `ghp_${'A1b2C3d4'.repeat(4)}Zz9y`,
  githubOauth: `gho_${'Q7w8E9r0'.repeat(4)}Tt5u`,
  githubUser: `ghu_${'M1n2B3v4'.repeat(4)}Kk1l`,
  githubServer: `ghs_${'P0o9I8u7'.repeat(4)}Yy3x`,
  githubRefresh: `ghr_${'L5k4J3h2'.repeat(4)}Gg7f`,
  githubFineGrained: `github_pat_11ABCDEFG0${'a1B2c3D4e5'.repeat(7)}`,
  googleAccess: `ya29.a0AfH6SM${'Bx7_Yz-12'.repeat(8)}`,
  googleRefresh: `1//0g${'Hx8-Kq3_Lm'.repeat(6)}`,
  googleApiKey: `AIzaSy${'B1c2D3e4F5'.repeat(3)}Gh6`,
  googleClientSecret: `GOCSPX-${'r4T5y6U7i8'.repeat(3)}`,
  pemKey: `-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC${'BKcwggSjAgEAAoIBAQC7'.repeat(8)}\n-----END PRIVATE KEY-----`,
  rsaKey: `-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu${'Zx9Yw8Vu7Ts6'.repeat(8)}\n-----END RSA PRIVATE KEY-----`,
  opensshKey: `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA${'Qm9Rn8Sp7'.repeat(8)}\n-----END OPENSSH PRIVATE KEY-----`,
  password: 'Hunter2-Correct-Horse!',
  bearer: `Bearer eyQm${'9x8Y7w6V5u'.repeat(4)}`,
  basic: 'Basic c29jMi1ib3Q6U3VwM3JTM2NyM3Q=',
  urlPassword: 'hunter2pass',
  jwt: `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.${'SflKxwRJSMeKKF2QT4fwpM'}`,
  slack: `xoxb-${'1234567890-abcdefghij'}`,
} as const;

/** The distinctive part of each secret: none of these may appear in scrubbed output. */
export function secretMarkers(): string[] {
  return [
    SECRETS.awsSecretKey,
    SECRETS.awsSecretKeyNoSlash,
    SECRETS.awsSessionToken.slice(0, 60),
    SECRETS.githubClassic,
    SECRETS.githubOauth,
    SECRETS.githubUser,
    SECRETS.githubServer,
    SECRETS.githubRefresh,
    SECRETS.githubFineGrained,
    SECRETS.googleAccess,
    SECRETS.googleRefresh,
    SECRETS.googleApiKey,
    SECRETS.googleClientSecret,
    'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC',
    'MIIEowIBAAKCAQEAu',
    'b3BlbnNzaC1rZXktdjEAAAAA',
    SECRETS.password,
    SECRETS.bearer.slice(7),
    SECRETS.basic.slice(6),
    SECRETS.urlPassword,
    SECRETS.jwt,
    SECRETS.slack,
  ];
}

/** A service account key file, as Google issues them. */
export function serviceAccountKey(): Record<string, string> {
  return {
    type: 'service_account',
    project_id: 'lumen-ledger-prod',
    private_key_id: '4f2b1c9d8e7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c',
    private_key: `${SECRETS.pemKey}\n`,
    client_email: 'soc2@lumen-ledger-prod.iam.gserviceaccount.com',
    client_id: '104512345678901234567',
  };
}

/** Text in many formats (env file, HTTP log, YAML, JSON) that carries every kind of secret. */
export function secretText(): string {
  return [
    `AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE`,
    `AWS_SECRET_ACCESS_KEY=${SECRETS.awsSecretKey}`,
    `aws_session_token = ${SECRETS.awsSessionToken}`,
    `the key ${SECRETS.awsSecretKeyNoSlash} was rotated`,
    `GITHUB_TOKEN=${SECRETS.githubClassic}`,
    `tokens: ${SECRETS.githubOauth} ${SECRETS.githubUser} ${SECRETS.githubServer} ${SECRETS.githubRefresh}`,
    `fine grained: ${SECRETS.githubFineGrained}`,
    `Authorization: ${SECRETS.bearer}`,
    `proxy-authorization: ${SECRETS.basic}`,
    `google access ${SECRETS.googleAccess} refresh ${SECRETS.googleRefresh}`,
    `key=${SECRETS.googleApiKey}&x=1 client ${SECRETS.googleClientSecret}`,
    SECRETS.pemKey,
    SECRETS.rsaKey,
    SECRETS.opensshKey,
    `db_password: "${SECRETS.password}"`,
    `postgres://admin:${SECRETS.urlPassword}@db.lumenledger.example:5432/ledger`,
    `session ${SECRETS.jwt}`,
    `slack ${SECRETS.slack}`,
  ].join('\n');
}
