/** The contract between the shell and a remote: what the remote's exposed `./App` receives. */

export interface RemoteAppProps {
  /** Where the shell mounted the remote, e.g. `/admin`; the remote's routes are relative to it. */
  basePath: string;
}
