// The dashboard's entry: registering the root component is all it takes.
import './components/mr-app/mr-app.ts';
