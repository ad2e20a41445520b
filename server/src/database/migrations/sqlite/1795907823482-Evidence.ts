import { MigrationInterface, QueryRunner } from 'typeorm';

export class Evidence1795907823482 implements MigrationInterface {
  name = 'Evidence1795907823482';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "evidence_items" ("id" varchar(36) PRIMARY KEY NOT NULL, "jitId" varchar(36) NOT NULL, "folderId" varchar(36), "title" varchar(300) NOT NULL, "description" text NOT NULL, "documentType" varchar(32) NOT NULL, "languages" text NOT NULL, "originatingPartyId" varchar(36) NOT NULL, "originatingAuthority" varchar(200) NOT NULL, "collectedBy" varchar(200) NOT NULL, "collectionMethod" varchar(300) NOT NULL, "obtainedAt" datetime(3), "source" varchar(500) NOT NULL, "handlingCode" varchar(40) NOT NULL, "classification" varchar(20) NOT NULL, "tags" text NOT NULL, "status" varchar(20) NOT NULL, "createdBy" varchar(36) NOT NULL, "createdByPartyId" varchar(36) NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "sha256" varchar(64), "size" bigint, "mimeType" varchar(255), "fileName" varchar(255) NOT NULL, "duplicateOfItemId" varchar(36))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_evidence_sha" ON "evidence_items" ("jitId", "sha256") `);
    await queryRunner.query(`CREATE INDEX "ix_evidence_folder" ON "evidence_items" ("jitId", "folderId", "createdAt") `);
    await queryRunner.query(`CREATE INDEX "ix_evidence_handling" ON "evidence_items" ("jitId", "handlingCode", "createdAt") `);
    await queryRunner.query(`CREATE INDEX "ix_evidence_party" ON "evidence_items" ("jitId", "originatingPartyId", "createdAt") `);
    await queryRunner.query(`CREATE INDEX "ix_evidence_size" ON "evidence_items" ("jitId", "size", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_evidence_title" ON "evidence_items" ("jitId", "title", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_evidence_created" ON "evidence_items" ("jitId", "createdAt", "id") `);
    await queryRunner.query(
      `CREATE TABLE "evidence_versions" ("id" varchar(36) PRIMARY KEY NOT NULL, "itemId" varchar(36) NOT NULL, "jitId" varchar(36) NOT NULL, "number" integer NOT NULL, "kind" varchar(20) NOT NULL, "derivedFromVersionId" varchar(36), "uploadId" varchar(36) NOT NULL, "objectKey" varchar(64) NOT NULL, "fileName" varchar(255) NOT NULL, "size" bigint, "sha256" varchar(64), "mimeType" varchar(255), "status" varchar(20) NOT NULL, "note" text NOT NULL, "uploadedBy" varchar(36) NOT NULL, "uploadedByPartyId" varchar(36) NOT NULL, "createdAt" datetime(3) NOT NULL, "availableAt" datetime(3), "lastVerifiedAt" datetime(3))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_versions_upload" ON "evidence_versions" ("uploadId") `);
    await queryRunner.query(`CREATE INDEX "ix_versions_jit_sha" ON "evidence_versions" ("jitId", "sha256") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "ix_versions_item" ON "evidence_versions" ("itemId", "number") `);
    await queryRunner.query(
      `CREATE TABLE "evidence_folders" ("id" varchar(36) PRIMARY KEY NOT NULL, "jitId" varchar(36) NOT NULL, "parentId" varchar(36), "name" varchar(200) NOT NULL, "createdBy" varchar(36) NOT NULL, "createdAt" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "ix_folders_jit_parent" ON "evidence_folders" ("jitId", "parentId") `);
    await queryRunner.query(
      `CREATE TABLE "uploads" ("id" varchar(36) PRIMARY KEY NOT NULL, "jitId" varchar(36) NOT NULL, "userId" varchar(36) NOT NULL, "partyId" varchar(36) NOT NULL, "length" bigint NOT NULL, "offset" bigint NOT NULL, "fileName" varchar(255) NOT NULL, "declaredType" varchar(255) NOT NULL, "declaredSha256" varchar(64), "objectKey" varchar(64) NOT NULL, "multipartId" varchar(255), "parts" text NOT NULL, "status" varchar(16) NOT NULL, "sha256" varchar(64), "mimeType" varchar(255), "failureReason" varchar(500), "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "expiresAt" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "ix_uploads_jit" ON "uploads" ("jitId") `);
    await queryRunner.query(`CREATE INDEX "ix_uploads_status_expiry" ON "uploads" ("status", "expiresAt") `);
    await queryRunner.query(`CREATE TABLE "job_leases" ("name" varchar(64) PRIMARY KEY NOT NULL, "holder" varchar(64) NOT NULL, "expiresAt" datetime(3) NOT NULL)`);
    await queryRunner.query(`DROP INDEX "uq_jits_reference"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_jits" ("id" varchar(36) PRIMARY KEY NOT NULL, "reference" varchar(64) NOT NULL, "title" varchar(200) NOT NULL, "purpose" text NOT NULL, "legalBasis" text NOT NULL, "startDate" varchar(10) NOT NULL, "endDate" varchar(10) NOT NULL, "effectiveEndDate" varchar(10) NOT NULL, "workingLanguage" varchar(8) NOT NULL, "statesOfOperation" text NOT NULL, "status" varchar(16) NOT NULL, "createdBy" varchar(36) NOT NULL, "createdAt" datetime(3) NOT NULL, "activatedAt" datetime(3), "closedAt" datetime(3), "maxUploadBytes" bigint, "blockedTypes" text NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_jits"("id", "reference", "title", "purpose", "legalBasis", "startDate", "endDate", "effectiveEndDate", "workingLanguage", "statesOfOperation", "status", "createdBy", "createdAt", "activatedAt", "closedAt", "blockedTypes") SELECT "id", "reference", "title", "purpose", "legalBasis", "startDate", "endDate", "effectiveEndDate", "workingLanguage", "statesOfOperation", "status", "createdBy", "createdAt", "activatedAt", "closedAt", '[]' FROM "jits"`,
    );
    await queryRunner.query(`DROP TABLE "jits"`);
    await queryRunner.query(`ALTER TABLE "temporary_jits" RENAME TO "jits"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_jits_reference" ON "jits" ("reference") `);
    await queryRunner.query(`CREATE INDEX "ix_audit_subject" ON "audit_events" ("chain", "subjectType", "subjectId") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_audit_subject"`);
    await queryRunner.query(`DROP INDEX "uq_jits_reference"`);
    await queryRunner.query(`ALTER TABLE "jits" RENAME TO "temporary_jits"`);
    await queryRunner.query(
      `CREATE TABLE "jits" ("id" varchar(36) PRIMARY KEY NOT NULL, "reference" varchar(64) NOT NULL, "title" varchar(200) NOT NULL, "purpose" text NOT NULL, "legalBasis" text NOT NULL, "startDate" varchar(10) NOT NULL, "endDate" varchar(10) NOT NULL, "effectiveEndDate" varchar(10) NOT NULL, "workingLanguage" varchar(8) NOT NULL, "statesOfOperation" text NOT NULL, "status" varchar(16) NOT NULL, "createdBy" varchar(36) NOT NULL, "createdAt" datetime(3) NOT NULL, "activatedAt" datetime(3), "closedAt" datetime(3))`,
    );
    await queryRunner.query(
      `INSERT INTO "jits"("id", "reference", "title", "purpose", "legalBasis", "startDate", "endDate", "effectiveEndDate", "workingLanguage", "statesOfOperation", "status", "createdBy", "createdAt", "activatedAt", "closedAt") SELECT "id", "reference", "title", "purpose", "legalBasis", "startDate", "endDate", "effectiveEndDate", "workingLanguage", "statesOfOperation", "status", "createdBy", "createdAt", "activatedAt", "closedAt" FROM "temporary_jits"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_jits"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_jits_reference" ON "jits" ("reference") `);
    await queryRunner.query(`DROP TABLE "job_leases"`);
    await queryRunner.query(`DROP INDEX "ix_uploads_status_expiry"`);
    await queryRunner.query(`DROP INDEX "ix_uploads_jit"`);
    await queryRunner.query(`DROP TABLE "uploads"`);
    await queryRunner.query(`DROP INDEX "ix_folders_jit_parent"`);
    await queryRunner.query(`DROP TABLE "evidence_folders"`);
    await queryRunner.query(`DROP INDEX "ix_versions_item"`);
    await queryRunner.query(`DROP INDEX "ix_versions_jit_sha"`);
    await queryRunner.query(`DROP INDEX "uq_versions_upload"`);
    await queryRunner.query(`DROP TABLE "evidence_versions"`);
    await queryRunner.query(`DROP INDEX "ix_evidence_created"`);
    await queryRunner.query(`DROP INDEX "ix_evidence_title"`);
    await queryRunner.query(`DROP INDEX "ix_evidence_size"`);
    await queryRunner.query(`DROP INDEX "ix_evidence_party"`);
    await queryRunner.query(`DROP INDEX "ix_evidence_handling"`);
    await queryRunner.query(`DROP INDEX "ix_evidence_folder"`);
    await queryRunner.query(`DROP INDEX "ix_evidence_sha"`);
    await queryRunner.query(`DROP TABLE "evidence_items"`);
  }
}
