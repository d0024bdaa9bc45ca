/** How LDIF given to {@link startSlapd} is loaded into a fresh database. */
export type SlapdLoader = 'ldapadd' | 'slapadd';

/** TLS for a harness directory; see {@link StartSlapdOptions.tls}. */
export interface SlapdTlsOptions {
  /** Port for `ldaps://` on 127.0.0.1; a free port by default. */
  ldapsPort?: number;
  /**
   * Names the server certificate is valid for (subjectAltName); default
   * `['localhost', '127.0.0.1']`.
   */
  hostnames?: string[];
  /** Path of the openssl binary; default `/usr/bin/openssl`. */
  opensslPath?: string;
}

/** The TLS side of a running harness directory. */
export interface SlapdTls {
  /** `ldaps://127.0.0.1:<ldapsPort>` */
  ldapsUrl: string;
  ldapsPort: number;
  /** The throwaway CA that signed the server certificate (PEM file). */
  caFile: string;
  /** The same CA certificate as text. */
  caPem: string;
  /** The server certificate and key slapd uses. */
  certFile: string;
  keyFile: string;
}

/** Options for {@link startSlapd}. */
export interface StartSlapdOptions {
  /** The naming context served by the database, e.g. `dc=example,dc=com`. */
  suffix: string;
  /** Password of `cn=admin,<suffix>`; a random one by default. */
  rootPassword?: string;
  /**
   * Entries to load into a fresh database. The suffix entry is created
   * automatically when the LDIF does not contain it (dc=, o=, ou= and c=
   * suffixes).
   */
  ldif?: string;
  /** Port on 127.0.0.1; a free port by default. */
  port?: number;
  /**
   * Where the database lives. By default a fresh temporary directory that
   * stop() removes. A given directory is kept; when it already holds a
   * completely loaded database for the same suffix, `ldif` is not loaded again.
   */
  dataDir?: string;
  /**
   * `ldapadd` (default) adds the entries through the running server, so the
   * memberof overlay maintains `memberOf`. `slapadd` bulk-loads them offline
   * before the server starts: much faster for large directories, but
   * `memberOf` is NOT populated.
   */
  loadWith?: SlapdLoader;
  /** slapd debug level for `-d` (e.g. `none`, `stats`, `-1`); default `none`. */
  logLevel?: string;
  /** Receives each line slapd writes to stderr. */
  onLog?: (line: string) => void;
  /** How long to wait for slapd to answer a bind; default 10 000 ms. */
  readyTimeoutMs?: number;
  /**
   * Size limit for authenticated users. With a number N, searches without the
   * paged results control fail with sizeLimitExceeded beyond N entries (like
   * Active Directory's MaxPageSize), while paged searches return everything,
   * with any page size. Default `unlimited`. The root DN is never limited.
   */
  sizeLimit?: number | 'unlimited';
  /** Additional schema LDIF files (cn=schema,cn=config format) to include. */
  extraSchemas?: string[];
  /**
   * Enables TLS: a throwaway CA and server certificate are generated with
   * `openssl` into the runtime directory, slapd serves StartTLS on the
   * `ldap://` port and also listens on an `ldaps://` port. `true` uses the
   * defaults of {@link SlapdTlsOptions}.
   */
  tls?: boolean | SlapdTlsOptions;
  /** Path of the slapd binary; default `/usr/sbin/slapd`. */
  slapdPath?: string;
  /** Path of the slapadd binary; default `/usr/sbin/slapadd`. */
  slapaddPath?: string;
  /** Path of the ldapadd binary; default `/usr/bin/ldapadd`. */
  ldapaddPath?: string;
  /** Path of the ldapwhoami binary; default `/usr/bin/ldapwhoami`. */
  ldapwhoamiPath?: string;
}

/** How a slapd process ended. */
export interface SlapdExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when the exit was requested through stop(). */
  stopped: boolean;
  /** The last lines slapd wrote to stderr. */
  stderrTail: string;
}

/** A running slapd started by {@link startSlapd}. */
export interface SlapdInstance {
  /** `ldap://127.0.0.1:<port>` */
  url: string;
  port: number;
  suffix: string;
  /** `cn=admin,<suffix>` */
  rootDn: string;
  rootPassword: string;
  dataDir: string;
  /** Resolves (never rejects) when the slapd process has exited. */
  exited: Promise<SlapdExit>;
  /** Set when started with `tls`. The CA files are removed by stop(). */
  tls?: SlapdTls;
  /** Stops slapd and removes temporary directories; safe to call twice. */
  stop(): Promise<void>;
  /** Adds LDIF records through the running server as the root DN. */
  add(ldif: string): Promise<void>;
}
