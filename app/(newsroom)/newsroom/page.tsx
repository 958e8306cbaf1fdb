import { redirect } from "next/navigation";

export default function NewsroomHome() {
  redirect("/newsroom/stories");
}
