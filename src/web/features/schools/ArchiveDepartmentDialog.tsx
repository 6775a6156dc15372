import type { Department } from '../../../shared/contracts/org';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { notifySuccess } from '../../app/notify';
import { useArchiveDepartment } from './schools.api';

type Props = { department: Department; onClose: () => void };

export function ArchiveDepartmentDialog({ department, onClose }: Props) {
  const archive = useArchiveDepartment();
  return (
    <ConfirmDialog
      opened
      onClose={onClose}
      title={`Archive ${department.name}?`}
      confirmLabel="Archive department"
      loading={archive.isPending}
      error={archive.error}
      onConfirm={() =>
        archive.mutate(department, {
          onSuccess: () => {
            notifySuccess(`${department.name} archived.`);
            onClose();
          },
        })
      }
    >
      The department will be marked as archived and no longer offered for new work. Its history is kept.
    </ConfirmDialog>
  );
}
