import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notes1795909011292 implements MigrationInterface {
  name = 'Notes1795909011292';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`notes\` (\`id\` varchar(36) NOT NULL, \`jitId\` varchar(36) NOT NULL, \`title\` varchar(200) NOT NULL, \`body\` text NOT NULL, \`tags\` text NOT NULL, \`revision\` int NOT NULL, \`createdBy\` varchar(36) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`updatedBy\` varchar(36) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, INDEX \`ix_notes_jit_updated\` (\`jitId\`, \`updatedAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`note_revisions\` (\`id\` varchar(36) NOT NULL, \`noteId\` varchar(36) NOT NULL, \`revision\` int NOT NULL, \`title\` varchar(200) NOT NULL, \`body\` text NOT NULL, \`tags\` text NOT NULL, \`authorId\` varchar(36) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`restoredFrom\` int NULL, UNIQUE INDEX \`uq_note_revisions\` (\`noteId\`, \`revision\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`uq_note_revisions\` ON \`note_revisions\``);
    await queryRunner.query(`DROP TABLE \`note_revisions\``);
    await queryRunner.query(`DROP INDEX \`ix_notes_jit_updated\` ON \`notes\``);
    await queryRunner.query(`DROP TABLE \`notes\``);
  }
}
