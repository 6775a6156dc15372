import { notifications } from '@mantine/notifications';
import { messageOf } from './api';

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', title: 'Done', message, autoClose: 4000 });
}

export function notifyError(err: unknown, title = 'That did not work'): void {
  notifications.show({ color: 'red', title, message: messageOf(err), autoClose: 8000 });
}
