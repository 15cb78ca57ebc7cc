import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@pu/contracts';
import { DepartmentEntity } from '../departments/department.entity';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Stored lower-case; sign-in is case-insensitive. */
  @Column({ type: 'text', unique: true }) username!: string;
  @Column({ name: 'display_name', type: 'text' }) displayName!: string;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ name: 'password_hash', type: 'text', select: false }) passwordHash!: string;
  @Column({ type: 'text' }) role!: Role;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @ManyToOne(() => DepartmentEntity, { eager: false })
  @JoinColumn({ name: 'department_id' })
  department!: DepartmentEntity;
  @Column({ type: 'boolean', default: false }) disabled!: boolean;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
