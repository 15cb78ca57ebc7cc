import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'departments' })
export class DepartmentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** The department's symbol in the office's file classification, e.g. "OR"; the prefix of reference numbers. */
  @Column({ type: 'text', unique: true }) symbol!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
