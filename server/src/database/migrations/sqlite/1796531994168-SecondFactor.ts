import { MigrationInterface, QueryRunner } from 'typeorm';

export class SecondFactor1796531994168 implements MigrationInterface {
  name = 'SecondFactor1796531994168';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Throttling counters are short-lived and change shape here (a window start becomes the last failure and a delay): start them afresh.
    await queryRunner.query(`DELETE FROM "login_throttle"`);
    await queryRunner.query(
      `CREATE TABLE "recovery_codes" ("id" varchar(36) PRIMARY KEY NOT NULL, "userId" varchar(36) NOT NULL, "codeHash" varchar(64) NOT NULL, "createdAt" datetime(3) NOT NULL, "usedAt" datetime(3))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_recovery_codes_user" ON "recovery_codes" ("userId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_recovery_codes_hash" ON "recovery_codes" ("codeHash") `);
    await queryRunner.query(
      `CREATE TABLE "second_factors" ("id" varchar(36) PRIMARY KEY NOT NULL, "userId" varchar(36) NOT NULL, "kind" varchar(16) NOT NULL, "label" varchar(100) NOT NULL, "secret" varchar(64) NOT NULL, "lastUsedStep" integer, "createdAt" datetime(3) NOT NULL, "confirmedAt" datetime(3), "lastUsedAt" datetime(3))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_second_factors_user" ON "second_factors" ("userId") `);
    await queryRunner.query(
      `CREATE TABLE "platform_settings" ("key" varchar(64) PRIMARY KEY NOT NULL, "value" varchar(2000) NOT NULL, "updatedAt" datetime(3) NOT NULL, "updatedBy" varchar(36) NOT NULL)`,
    );
    await queryRunner.query(`CREATE TABLE "temporary_login_throttle" ("bucket" varchar(300) PRIMARY KEY NOT NULL, "failures" integer NOT NULL)`);
    await queryRunner.query(`INSERT INTO "temporary_login_throttle"("bucket", "failures") SELECT "bucket", "failures" FROM "login_throttle"`);
    await queryRunner.query(`DROP TABLE "login_throttle"`);
    await queryRunner.query(`ALTER TABLE "temporary_login_throttle" RENAME TO "login_throttle"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_login_throttle" ("bucket" varchar(300) PRIMARY KEY NOT NULL, "failures" integer NOT NULL, "lastFailureAt" datetime(3) NOT NULL, "blockedUntil" datetime(3))`,
    );
    await queryRunner.query(`INSERT INTO "temporary_login_throttle"("bucket", "failures") SELECT "bucket", "failures" FROM "login_throttle"`);
    await queryRunner.query(`DROP TABLE "login_throttle"`);
    await queryRunner.query(`ALTER TABLE "temporary_login_throttle" RENAME TO "login_throttle"`);
    await queryRunner.query(`DROP INDEX "ix_sessions_user"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_sessions" ("tokenHash" varchar(64) PRIMARY KEY NOT NULL, "userId" varchar(36) NOT NULL, "csrfToken" varchar(64) NOT NULL, "authLevel" varchar(32) NOT NULL, "createdAt" datetime(3) NOT NULL, "lastSeenAt" datetime(3) NOT NULL, "expiresAt" datetime(3) NOT NULL, "ip" varchar(64), "userAgent" varchar(512), "verifiedAt" datetime(3))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_sessions"("tokenHash", "userId", "csrfToken", "authLevel", "createdAt", "lastSeenAt", "expiresAt", "ip", "userAgent") SELECT "tokenHash", "userId", "csrfToken", "authLevel", "createdAt", "lastSeenAt", "expiresAt", "ip", "userAgent" FROM "sessions"`,
    );
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`ALTER TABLE "temporary_sessions" RENAME TO "sessions"`);
    await queryRunner.query(`CREATE INDEX "ix_sessions_user" ON "sessions" ("userId") `);
    await queryRunner.query(`DROP INDEX "uq_jits_reference"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_jits" ("id" varchar(36) PRIMARY KEY NOT NULL, "reference" varchar(64) NOT NULL, "title" varchar(200) NOT NULL, "purpose" text NOT NULL, "legalBasis" text NOT NULL, "startDate" varchar(10) NOT NULL, "endDate" varchar(10) NOT NULL, "effectiveEndDate" varchar(10) NOT NULL, "workingLanguage" varchar(8) NOT NULL, "statesOfOperation" text NOT NULL, "status" varchar(16) NOT NULL, "createdBy" varchar(36) NOT NULL, "createdAt" datetime(3) NOT NULL, "activatedAt" datetime(3), "closedAt" datetime(3), "maxUploadBytes" bigint, "blockedTypes" text NOT NULL, "secondFactorRequired" boolean NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_jits"("id", "reference", "title", "purpose", "legalBasis", "startDate", "endDate", "effectiveEndDate", "workingLanguage", "statesOfOperation", "status", "createdBy", "createdAt", "activatedAt", "closedAt", "maxUploadBytes", "blockedTypes") SELECT "id", "reference", "title", "purpose", "legalBasis", "startDate", "endDate", "effectiveEndDate", "workingLanguage", "statesOfOperation", "status", "createdBy", "createdAt", "activatedAt", "closedAt", "maxUploadBytes", "blockedTypes" FROM "jits"`,
    );
    await queryRunner.query(`DROP TABLE "jits"`);
    await queryRunner.query(`ALTER TABLE "temporary_jits" RENAME TO "jits"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_jits_reference" ON "jits" ("reference") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_jits_reference"`);
    await queryRunner.query(`ALTER TABLE "jits" RENAME TO "temporary_jits"`);
    await queryRunner.query(
      `CREATE TABLE "jits" ("id" varchar(36) PRIMARY KEY NOT NULL, "reference" varchar(64) NOT NULL, "title" varchar(200) NOT NULL, "purpose" text NOT NULL, "legalBasis" text NOT NULL, "startDate" varchar(10) NOT NULL, "endDate" varchar(10) NOT NULL, "effectiveEndDate" varchar(10) NOT NULL, "workingLanguage" varchar(8) NOT NULL, "statesOfOperation" text NOT NULL, "status" varchar(16) NOT NULL, "createdBy" varchar(36) NOT NULL, "createdAt" datetime(3) NOT NULL, "activatedAt" datetime(3), "closedAt" datetime(3), "maxUploadBytes" bigint, "blockedTypes" text NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "jits"("id", "reference", "title", "purpose", "legalBasis", "startDate", "endDate", "effectiveEndDate", "workingLanguage", "statesOfOperation", "status", "createdBy", "createdAt", "activatedAt", "closedAt", "maxUploadBytes", "blockedTypes") SELECT "id", "reference", "title", "purpose", "legalBasis", "startDate", "endDate", "effectiveEndDate", "workingLanguage", "statesOfOperation", "status", "createdBy", "createdAt", "activatedAt", "closedAt", "maxUploadBytes", "blockedTypes" FROM "temporary_jits"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_jits"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_jits_reference" ON "jits" ("reference") `);
    await queryRunner.query(`DROP INDEX "ix_sessions_user"`);
    await queryRunner.query(`ALTER TABLE "sessions" RENAME TO "temporary_sessions"`);
    await queryRunner.query(
      `CREATE TABLE "sessions" ("tokenHash" varchar(64) PRIMARY KEY NOT NULL, "userId" varchar(36) NOT NULL, "csrfToken" varchar(64) NOT NULL, "authLevel" varchar(32) NOT NULL, "createdAt" datetime(3) NOT NULL, "lastSeenAt" datetime(3) NOT NULL, "expiresAt" datetime(3) NOT NULL, "ip" varchar(64), "userAgent" varchar(512))`,
    );
    await queryRunner.query(
      `INSERT INTO "sessions"("tokenHash", "userId", "csrfToken", "authLevel", "createdAt", "lastSeenAt", "expiresAt", "ip", "userAgent") SELECT "tokenHash", "userId", "csrfToken", "authLevel", "createdAt", "lastSeenAt", "expiresAt", "ip", "userAgent" FROM "temporary_sessions"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_sessions"`);
    await queryRunner.query(`CREATE INDEX "ix_sessions_user" ON "sessions" ("userId") `);
    await queryRunner.query(`ALTER TABLE "login_throttle" RENAME TO "temporary_login_throttle"`);
    await queryRunner.query(`CREATE TABLE "login_throttle" ("bucket" varchar(300) PRIMARY KEY NOT NULL, "failures" integer NOT NULL)`);
    await queryRunner.query(`INSERT INTO "login_throttle"("bucket", "failures") SELECT "bucket", "failures" FROM "temporary_login_throttle"`);
    await queryRunner.query(`DROP TABLE "temporary_login_throttle"`);
    await queryRunner.query(`ALTER TABLE "login_throttle" RENAME TO "temporary_login_throttle"`);
    await queryRunner.query(`CREATE TABLE "login_throttle" ("bucket" varchar(300) PRIMARY KEY NOT NULL, "failures" integer NOT NULL, "windowStartedAt" datetime(3) NOT NULL)`);
    await queryRunner.query(`INSERT INTO "login_throttle"("bucket", "failures") SELECT "bucket", "failures" FROM "temporary_login_throttle"`);
    await queryRunner.query(`DROP TABLE "temporary_login_throttle"`);
    await queryRunner.query(`DROP TABLE "platform_settings"`);
    await queryRunner.query(`DROP INDEX "ix_second_factors_user"`);
    await queryRunner.query(`DROP TABLE "second_factors"`);
    await queryRunner.query(`DROP INDEX "uq_recovery_codes_hash"`);
    await queryRunner.query(`DROP INDEX "ix_recovery_codes_user"`);
    await queryRunner.query(`DROP TABLE "recovery_codes"`);
  }
}
