import { Column, Entity, Index } from 'typeorm';
import type { Language } from '@jit/shared';
import { IdColumn, InstantColumn, TextColumn } from '../database';

@Entity('users')
export class UserEntity {
  @IdColumn() id: string;

  /** Stored lower-cased, so "Anna@X" and "anna@x" are one account. */
  @Index('uq_users_email', { unique: true })
  @TextColumn(254)
  email: string;

  @TextColumn(120) displayName: string;
  @TextColumn(200) organisation: string;
  @TextColumn(2) country: string;
  @TextColumn(8) language: Language;
  @TextColumn(64) timeZone: string;
  @TextColumn(255) passwordHash: string;
  @Column({ type: 'boolean', default: false }) isPlatformAdmin: boolean;
  @Column({ type: 'boolean', default: false }) mustChangePassword: boolean;
  @Column({ type: 'boolean', default: false }) disabled: boolean;
  @InstantColumn() createdAt: Date;
  @InstantColumn({ nullable: true }) lastLoginAt: Date | null;
}
