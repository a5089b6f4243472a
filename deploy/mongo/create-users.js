// Creates, or updates the password of, one MongoDB user per portal service, each with readWrite
// on its own database only, defined in that database: one compromised service cannot read or
// rewrite another's data or audit trail. Run with `mongosh --nodb --quiet --file` by compose's
// mongo-init and by Kubernetes' Job mongo-users (a copy in k8s/mongo-users.yaml, kept identical
// by deploy/test/deploy.spec.ts). Reads from the environment, never from its command line:
// PAR_MONGO_ADMIN_URL (no credentials, database admin), PAR_MONGO_ADMIN_USER and
// PAR_MONGO_ADMIN_PASSWORD (a user allowed to manage users) and PAR_MONGO_<SERVICE>_PASSWORD.
/* global connect, print -- mongosh's own functions */
const services = ['accounts', 'assessment', 'appraisal', 'ranking', 'evidence', 'survey'];
const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const [scheme, rest] = env('PAR_MONGO_ADMIN_URL').split('://');
const login = `${encodeURIComponent(env('PAR_MONGO_ADMIN_USER'))}:${encodeURIComponent(env('PAR_MONGO_ADMIN_PASSWORD'))}`;
const admin = connect(`${scheme}://${login}@${rest}`);
for (const name of services) {
  const pwd = env(`PAR_MONGO_${name.toUpperCase()}_PASSWORD`);
  const database = admin.getSiblingDB(name);
  const roles = [{ role: 'readWrite', db: name }];
  if (database.getUser(name)) database.updateUser(name, { pwd, roles });
  else database.createUser({ user: name, pwd, roles });
  print(`user ${name}: readWrite on ${name}`);
}
