// Tests against the real stack start processes and log in through Keycloak: minutes, not seconds.
jest.setTimeout(180_000);
