import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795904360491 implements MigrationInterface {
  name = 'Foundation1795904360491';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sessions" ("tokenHash" varchar(64) PRIMARY KEY NOT NULL, "userId" varchar(36) NOT NULL, "csrfToken" varchar(64) NOT NULL, "authLevel" varchar(32) NOT NULL, "createdAt" datetime(3) NOT NULL, "lastSeenAt" datetime(3) NOT NULL, "expiresAt" datetime(3) NOT NULL, "ip" varchar(64), "userAgent" varchar(512))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_sessions_user" ON "sessions" ("userId") `);
    await queryRunner.query(`CREATE TABLE "login_throttle" ("bucket" varchar(300) PRIMARY KEY NOT NULL, "failures" integer NOT NULL, "windowStartedAt" datetime(3) NOT NULL)`);
    await queryRunner.query(
      `CREATE TABLE "jit_extensions" ("id" varchar(36) PRIMARY KEY NOT NULL, "jitId" varchar(36) NOT NULL, "previousEndDate" varchar(10) NOT NULL, "newEndDate" varchar(10) NOT NULL, "agreedOn" varchar(10) NOT NULL, "note" text NOT NULL, "recordedBy" varchar(36) NOT NULL, "recordedAt" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "ix_extensions_jit" ON "jit_extensions" ("jitId") `);
    await queryRunner.query(
      `CREATE TABLE "jits" ("id" varchar(36) PRIMARY KEY NOT NULL, "reference" varchar(64) NOT NULL, "title" varchar(200) NOT NULL, "purpose" text NOT NULL, "legalBasis" text NOT NULL, "startDate" varchar(10) NOT NULL, "endDate" varchar(10) NOT NULL, "effectiveEndDate" varchar(10) NOT NULL, "workingLanguage" varchar(8) NOT NULL, "statesOfOperation" text NOT NULL, "status" varchar(16) NOT NULL, "createdBy" varchar(36) NOT NULL, "createdAt" datetime(3) NOT NULL, "activatedAt" datetime(3), "closedAt" datetime(3))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_jits_reference" ON "jits" ("reference") `);
    await queryRunner.query(
      `CREATE TABLE "parties" ("id" varchar(36) PRIMARY KEY NOT NULL, "jitId" varchar(36) NOT NULL, "kind" varchar(16) NOT NULL, "country" varchar(2), "name" varchar(200) NOT NULL, "authority" varchar(200) NOT NULL, "isLead" boolean NOT NULL DEFAULT (0), "position" integer NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "ix_parties_jit" ON "parties" ("jitId") `);
    await queryRunner.query(
      `CREATE TABLE "memberships" ("id" varchar(36) PRIMARY KEY NOT NULL, "jitId" varchar(36) NOT NULL, "userId" varchar(36) NOT NULL, "partyId" varchar(36) NOT NULL, "role" varchar(16) NOT NULL, "accessExpiresAt" datetime(3), "addedAt" datetime(3) NOT NULL, "addedBy" varchar(36) NOT NULL, "revokedAt" datetime(3), "revokedBy" varchar(36))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_memberships_user" ON "memberships" ("userId") `);
    await queryRunner.query(`CREATE INDEX "ix_memberships_jit_user" ON "memberships" ("jitId", "userId") `);
    await queryRunner.query(
      `CREATE TABLE "audit_events" ("chain" varchar(80) NOT NULL, "seq" integer NOT NULL, "occurredAt" varchar(24) NOT NULL, "actorUserId" varchar(36), "actorPartyId" varchar(36), "action" varchar(64) NOT NULL, "subjectType" varchar(32) NOT NULL, "subjectId" varchar(80) NOT NULL, "visibility" varchar(16) NOT NULL, "details" text NOT NULL, "detailsDigest" varchar(64) NOT NULL, "prevHash" varchar(64) NOT NULL, "hash" varchar(64) NOT NULL, PRIMARY KEY ("chain", "seq"))`,
    );
    await queryRunner.query(`CREATE TABLE "audit_chain_heads" ("chain" varchar(80) PRIMARY KEY NOT NULL, "seq" integer NOT NULL, "hash" varchar(64) NOT NULL)`);
    await queryRunner.query(
      `CREATE TABLE "users" ("id" varchar(36) PRIMARY KEY NOT NULL, "email" varchar(254) NOT NULL, "displayName" varchar(120) NOT NULL, "organisation" varchar(200) NOT NULL, "country" varchar(2) NOT NULL, "language" varchar(8) NOT NULL, "timeZone" varchar(64) NOT NULL, "passwordHash" varchar(255) NOT NULL, "isPlatformAdmin" boolean NOT NULL DEFAULT (0), "mustChangePassword" boolean NOT NULL DEFAULT (0), "disabled" boolean NOT NULL DEFAULT (0), "createdAt" datetime(3) NOT NULL, "lastLoginAt" datetime(3))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_email" ON "users" ("email") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_users_email"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TABLE "audit_chain_heads"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
    await queryRunner.query(`DROP INDEX "ix_memberships_jit_user"`);
    await queryRunner.query(`DROP INDEX "ix_memberships_user"`);
    await queryRunner.query(`DROP TABLE "memberships"`);
    await queryRunner.query(`DROP INDEX "ix_parties_jit"`);
    await queryRunner.query(`DROP TABLE "parties"`);
    await queryRunner.query(`DROP INDEX "uq_jits_reference"`);
    await queryRunner.query(`DROP TABLE "jits"`);
    await queryRunner.query(`DROP INDEX "ix_extensions_jit"`);
    await queryRunner.query(`DROP TABLE "jit_extensions"`);
    await queryRunner.query(`DROP TABLE "login_throttle"`);
    await queryRunner.query(`DROP INDEX "ix_sessions_user"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
  }
}
