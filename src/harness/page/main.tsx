// The preview page's script: the "Dashboard" that hosts the extension (see PreviewApp).
import { createRoot } from "react-dom/client";
import { PreviewApp } from "./PreviewApp";
import "./styles.css";

createRoot(document.getElementById("harness-root")!).render(<PreviewApp />);
