"use server";
// Server actions of the edition's send panel (components/newsroom/newsletters/send-panel.tsx):
// thin wrappers over lib/newsletters/sending/, which checks permission ("edition.send").
import type { FormState } from "@/components/newsroom/action-form";
import { cancelSchedule, queueEdition, scheduleEdition } from "@/lib/newsletters/sending/queue";
import { sendTestEdition } from "@/lib/newsletters/sending/test-send";
import { runFormCommand } from "@/lib/server-action";

export async function sendTestEditionAction(_state: FormState, form: FormData) {
  return runFormCommand(sendTestEdition, form);
}

export async function sendEditionNowAction(_state: FormState, form: FormData) {
  return runFormCommand(queueEdition, form);
}

export async function scheduleEditionAction(_state: FormState, form: FormData) {
  return runFormCommand(scheduleEdition, form);
}

export async function cancelScheduleAction(_state: FormState, form: FormData) {
  return runFormCommand(cancelSchedule, form);
}
