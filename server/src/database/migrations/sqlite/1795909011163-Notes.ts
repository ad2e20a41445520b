import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notes1795909011163 implements MigrationInterface {
  name = 'Notes1795909011163';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notes" ("id" varchar(36) PRIMARY KEY NOT NULL, "jitId" varchar(36) NOT NULL, "title" varchar(200) NOT NULL, "body" text NOT NULL, "tags" text NOT NULL, "revision" integer NOT NULL, "createdBy" varchar(36) NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedBy" varchar(36) NOT NULL, "updatedAt" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "ix_notes_jit_updated" ON "notes" ("jitId", "updatedAt") `);
    await queryRunner.query(
      `CREATE TABLE "note_revisions" ("id" varchar(36) PRIMARY KEY NOT NULL, "noteId" varchar(36) NOT NULL, "revision" integer NOT NULL, "title" varchar(200) NOT NULL, "body" text NOT NULL, "tags" text NOT NULL, "authorId" varchar(36) NOT NULL, "createdAt" datetime(3) NOT NULL, "restoredFrom" integer)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_note_revisions" ON "note_revisions" ("noteId", "revision") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_note_revisions"`);
    await queryRunner.query(`DROP TABLE "note_revisions"`);
    await queryRunner.query(`DROP INDEX "ix_notes_jit_updated"`);
    await queryRunner.query(`DROP TABLE "notes"`);
  }
}
