import { MigrationInterface, QueryRunner } from 'typeorm';

export class Evidence1795907823774 implements MigrationInterface {
  name = 'Evidence1795907823774';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`evidence_items\` (\`id\` varchar(36) NOT NULL, \`jitId\` varchar(36) NOT NULL, \`folderId\` varchar(36) NULL, \`title\` varchar(300) NOT NULL, \`description\` text NOT NULL, \`documentType\` varchar(32) NOT NULL, \`languages\` text NOT NULL, \`originatingPartyId\` varchar(36) NOT NULL, \`originatingAuthority\` varchar(200) NOT NULL, \`collectedBy\` varchar(200) NOT NULL, \`collectionMethod\` varchar(300) NOT NULL, \`obtainedAt\` datetime(3) NULL, \`source\` varchar(500) NOT NULL, \`handlingCode\` varchar(40) NOT NULL, \`classification\` varchar(20) NOT NULL, \`tags\` text NOT NULL, \`status\` varchar(20) NOT NULL, \`createdBy\` varchar(36) NOT NULL, \`createdByPartyId\` varchar(36) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`sha256\` varchar(64) NULL, \`size\` bigint NULL, \`mimeType\` varchar(255) NULL, \`fileName\` varchar(255) NOT NULL, \`duplicateOfItemId\` varchar(36) NULL, INDEX \`ix_evidence_sha\` (\`jitId\`, \`sha256\`), INDEX \`ix_evidence_folder\` (\`jitId\`, \`folderId\`, \`createdAt\`), INDEX \`ix_evidence_handling\` (\`jitId\`, \`handlingCode\`, \`createdAt\`), INDEX \`ix_evidence_party\` (\`jitId\`, \`originatingPartyId\`, \`createdAt\`), INDEX \`ix_evidence_size\` (\`jitId\`, \`size\`, \`id\`), INDEX \`ix_evidence_title\` (\`jitId\`, \`title\`, \`id\`), INDEX \`ix_evidence_created\` (\`jitId\`, \`createdAt\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`evidence_versions\` (\`id\` varchar(36) NOT NULL, \`itemId\` varchar(36) NOT NULL, \`jitId\` varchar(36) NOT NULL, \`number\` int NOT NULL, \`kind\` varchar(20) NOT NULL, \`derivedFromVersionId\` varchar(36) NULL, \`uploadId\` varchar(36) NOT NULL, \`objectKey\` varchar(64) NOT NULL, \`fileName\` varchar(255) NOT NULL, \`size\` bigint NULL, \`sha256\` varchar(64) NULL, \`mimeType\` varchar(255) NULL, \`status\` varchar(20) NOT NULL, \`note\` text NOT NULL, \`uploadedBy\` varchar(36) NOT NULL, \`uploadedByPartyId\` varchar(36) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`availableAt\` datetime(3) NULL, \`lastVerifiedAt\` datetime(3) NULL, UNIQUE INDEX \`uq_versions_upload\` (\`uploadId\`), INDEX \`ix_versions_jit_sha\` (\`jitId\`, \`sha256\`), UNIQUE INDEX \`ix_versions_item\` (\`itemId\`, \`number\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`evidence_folders\` (\`id\` varchar(36) NOT NULL, \`jitId\` varchar(36) NOT NULL, \`parentId\` varchar(36) NULL, \`name\` varchar(200) NOT NULL, \`createdBy\` varchar(36) NOT NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`ix_folders_jit_parent\` (\`jitId\`, \`parentId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`uploads\` (\`id\` varchar(36) NOT NULL, \`jitId\` varchar(36) NOT NULL, \`userId\` varchar(36) NOT NULL, \`partyId\` varchar(36) NOT NULL, \`length\` bigint NOT NULL, \`offset\` bigint NOT NULL, \`fileName\` varchar(255) NOT NULL, \`declaredType\` varchar(255) NOT NULL, \`declaredSha256\` varchar(64) NULL, \`objectKey\` varchar(64) NOT NULL, \`multipartId\` varchar(255) NULL, \`parts\` text NOT NULL, \`status\` varchar(16) NOT NULL, \`sha256\` varchar(64) NULL, \`mimeType\` varchar(255) NULL, \`failureReason\` varchar(500) NULL, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`expiresAt\` datetime(3) NOT NULL, INDEX \`ix_uploads_jit\` (\`jitId\`), INDEX \`ix_uploads_status_expiry\` (\`status\`, \`expiresAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`job_leases\` (\`name\` varchar(64) NOT NULL, \`holder\` varchar(64) NOT NULL, \`expiresAt\` datetime(3) NOT NULL, PRIMARY KEY (\`name\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`ALTER TABLE \`jits\` ADD \`maxUploadBytes\` bigint NULL`);
    await queryRunner.query(`ALTER TABLE \`jits\` ADD \`blockedTypes\` text NOT NULL`);
    // Agreements made before this migration block no type.
    await queryRunner.query(`UPDATE \`jits\` SET \`blockedTypes\` = '[]'`);
    await queryRunner.query(`CREATE INDEX \`ix_audit_subject\` ON \`audit_events\` (\`chain\`, \`subjectType\`, \`subjectId\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_audit_subject\` ON \`audit_events\``);
    await queryRunner.query(`ALTER TABLE \`jits\` DROP COLUMN \`blockedTypes\``);
    await queryRunner.query(`ALTER TABLE \`jits\` DROP COLUMN \`maxUploadBytes\``);
    await queryRunner.query(`DROP TABLE \`job_leases\``);
    await queryRunner.query(`DROP INDEX \`ix_uploads_status_expiry\` ON \`uploads\``);
    await queryRunner.query(`DROP INDEX \`ix_uploads_jit\` ON \`uploads\``);
    await queryRunner.query(`DROP TABLE \`uploads\``);
    await queryRunner.query(`DROP INDEX \`ix_folders_jit_parent\` ON \`evidence_folders\``);
    await queryRunner.query(`DROP TABLE \`evidence_folders\``);
    await queryRunner.query(`DROP INDEX \`ix_versions_item\` ON \`evidence_versions\``);
    await queryRunner.query(`DROP INDEX \`ix_versions_jit_sha\` ON \`evidence_versions\``);
    await queryRunner.query(`DROP INDEX \`uq_versions_upload\` ON \`evidence_versions\``);
    await queryRunner.query(`DROP TABLE \`evidence_versions\``);
    await queryRunner.query(`DROP INDEX \`ix_evidence_created\` ON \`evidence_items\``);
    await queryRunner.query(`DROP INDEX \`ix_evidence_title\` ON \`evidence_items\``);
    await queryRunner.query(`DROP INDEX \`ix_evidence_size\` ON \`evidence_items\``);
    await queryRunner.query(`DROP INDEX \`ix_evidence_party\` ON \`evidence_items\``);
    await queryRunner.query(`DROP INDEX \`ix_evidence_handling\` ON \`evidence_items\``);
    await queryRunner.query(`DROP INDEX \`ix_evidence_folder\` ON \`evidence_items\``);
    await queryRunner.query(`DROP INDEX \`ix_evidence_sha\` ON \`evidence_items\``);
    await queryRunner.query(`DROP TABLE \`evidence_items\``);
  }
}
